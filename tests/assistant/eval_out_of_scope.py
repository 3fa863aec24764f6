"""Questions about what the site does not have, and follow-up questions (issue 21).

OUT_OF_SCOPE: funds and schemes we do not list, and unrelated government services. The honest
answer is "this site has no information on that" (answer.json "matched": false), with the
finder, the eligibility check and TID's telephone; answering with a page is a miss.

FOLLOW_UPS: a question that leans on the one before (the panel sends it as `previous=`).

HELD OUT, as in eval_colloquial.py: every third out-of-scope question of each language is
marked `not_here_held_out(...)`, chosen by that rule before any tuning; nobody tunes on them.
"""

from .eval_sets import (
    CHATBOT,
    EMF,
    MIC,
    SFGS,
    SGS,
    FollowUp,
    not_here,
    not_here_held_out,
)

BUD = "the BUD Fund (Dedicated Fund on Branding, Upgrading and Domestic Sales): not listed"
TVP = "the Technology Voucher Programme: not listed"

OUT_OF_SCOPE = {
    "en": [
        not_here("BUD fund eligibility", BUD),
        not_here("technology voucher programme how to apply", TVP),
        not_here_held_out("how do I renew my business registration certificate", "BR renewal"),
        not_here("MPF contributions for my staff", "the MPF"),
        not_here("how to file a profits tax return", "tax"),
        not_here_held_out(
            "employment support scheme wage subsidy", "a wage subsidy we do not list"
        ),
        not_here("register a trademark in hong kong", "trademarks"),
        not_here("retail technology adoption assistance programme", "a programme we do not list"),
        not_here_held_out("how to apply for a restaurant licence", "licensing"),
        not_here("cheap flights to tokyo", "travel"),
        not_here("what is the interest rate of a bank loan at hsbc", "banks' own loan rates"),
        not_here_held_out("apply for a work visa for my new employee", "immigration"),
    ],
    "tc": [
        not_here("BUD專項基金申請資格", BUD),
        not_here("科技券點樣申請", TVP),
        not_here_held_out("強積金點樣供", "the MPF"),
        not_here("商業登記續期要幾多錢", "BR renewal"),
        not_here("保就業計劃幾時再有", "a wage subsidy we do not list"),
        not_here_held_out("申請公屋要咩條件", "public housing"),
        not_here("點樣申請食肆牌照", "licensing"),
        not_here("創新及科技基金有咩資助", "the Innovation and Technology Fund: not listed"),
        not_here_held_out("僱員再培訓局有咩課程", "training courses"),
        not_here("銀行貸款利率幾多", "banks' own loan rates"),
        not_here("報稅表幾時要交", "tax"),
        not_here_held_out("註冊商標要幾多錢", "trademarks"),
    ],
    "sc": [
        not_here("BUD 专项基金 申请资格", BUD),
        not_here("科技券怎么申请", TVP),
        not_here_held_out("香港优才计划怎么申请", "immigration"),
        not_here("深圳市政府的中小企业补贴", "mainland governments' subsidies"),
        not_here("内地企业所得税怎么交", "tax"),
        not_here_held_out("香港公司注册流程", "company registration"),
        not_here("怎么开香港银行账户", "banking"),
        not_here("科学园孵化计划", "Science Park incubation: not listed"),
        not_here_held_out("招聘残疾人士有补贴吗", "an employment subsidy we do not list"),
        not_here("申请营业执照需要什么材料", "licensing"),
        not_here("BUD基金内地销售可以资助吗", BUD),
        not_here_held_out("香港的最低工资是多少", "the minimum wage (HKSMEGA only lobbied on it)"),
    ],
}

FOLLOW_UPS = {
    "en": [
        FollowUp(
            "what is the export marketing fund", "how much can I get?", (EMF + "#funding-amount",)
        ),
        FollowUp(
            "tell me about the loan guarantee scheme", "who can apply", (SGS + "#eligibility",)
        ),
        FollowUp("sfgs", "do I need a personal guarantee", (SFGS + "#other-product-features",)),
        FollowUp(
            "MIC group funding", "how many people at least", (MIC + "#eligibility-of-mic-group",)
        ),
        FollowUp("EMF", "phone number?", (EMF,)),
        FollowUp(
            "loan guarantee scheme",
            "how long does it last",
            (SGS + "#guarantee-ceiling-and-period",),
        ),
        FollowUp("what is the EMF", "privacy policy", ("notices/privacy-policy/",)),
    ],
    "tc": [
        FollowUp("市場推廣基金係咩", "最多可以攞幾多錢", (EMF + "#funding-amount",)),
        FollowUp("信貸保證計劃", "邊個可以申請", (SGS + "#eligibility",)),
        FollowUp("融資擔保計劃", "要唔要個人擔保", (SFGS + "#other-product-features",)),
        FollowUp("會獎團體資助", "最少要幾多人", (MIC + "#eligibility-of-mic-group",)),
        FollowUp("EMF 係咩", "電話幾多號", (EMF,)),
        FollowUp("SGS", "保幾耐", (SGS + "#guarantee-ceiling-and-period",)),
        FollowUp("EMF 係咩", "聊天機械人會唔會記低我講咩", (CHATBOT,)),
    ],
    "sc": [
        FollowUp("市场推广基金是什么", "最多能拿多少钱", (EMF + "#funding-amount",)),
        FollowUp("信贷保证计划", "谁可以申请", (SGS + "#eligibility",)),
        FollowUp("融资担保计划", "需要个人担保吗", (SFGS + "#other-product-features",)),
        FollowUp("会奖团体资助", "最少要多少人", (MIC + "#eligibility-of-mic-group",)),
        FollowUp("EMF 是什么", "电话是多少", (EMF,)),
        FollowUp("SGS", "担保期多长", (SGS + "#guarantee-ceiling-and-period",)),
        FollowUp("EMF 是什么", "网站隐私政策", ("notices/privacy-policy/",)),
    ],
}
