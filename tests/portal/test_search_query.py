from portal.search import SearchDocument, SearchIndex
from portal.search.query import PhraseTable, TypoCorrector

PHRASES = [("有冇", "有沒有"), ("幾多", "多少"), ("嘅", ""), ("得…個人", "僱員…人"), ("n", "and")]


def _document(path, en, zh=""):
    return SearchDocument(kind="scheme", path=path, title={"en": "Page", "zh-hant": "頁"},
                          text={"en": en, "zh-hant": zh})  # fmt: skip


def test_colloquial_phrases_are_read_in_their_written_form_as_simplified_keys():
    table = PhraseTable(PHRASES)
    assert table.rewrite("EMF 有冇資助？最多幾多") == "emf 有没有资助?最多多少"


def test_a_phrase_staff_leave_without_written_form_is_ignored():
    assert PhraseTable(PHRASES).rewrite("公司嘅電腦") == "公司 电脑"


def test_simplified_questions_meet_the_traditional_table():
    assert PhraseTable([("幾時", "何時")]).rewrite("几时截止") == "何时截止"


def test_a_number_placeholder_keeps_the_number_and_needs_one():
    table = PhraseTable(PHRASES)
    assert table.rewrite("我間公司得12個人") == "我间公司雇员12人"
    assert table.rewrite("得五個人") == "雇员五人"
    assert table.rewrite("要唔要簽個人擔保") == "要唔要签个人担保"  # no number: 個人 stays


def test_english_phrases_match_whole_words_only():
    table = PhraseTable(PHRASES)
    assert table.rewrite("sgs n emf") == "sgs and emf"
    assert table.rewrite("loan") == "loan"


def test_the_longest_phrase_wins_where_several_fit():
    table = PhraseTable([("唔", "不"), ("可唔可以", "可以")])
    assert table.rewrite("可唔可以申請") == "可以申请"


def test_an_empty_table_changes_nothing_but_the_key():
    assert PhraseTable([]).rewrite("Loan 熱綫") == "loan 热线"


def test_typos_find_the_page_word_one_or_two_slips_away():
    corrector = TypoCorrector(["The government guarantee and eligibility rules", "exhibition"])
    assert corrector.corrections("goverment guarentee eligiblity exibition") == {
        "goverment": "government",
        "guarentee": "guarantee",
        "eligiblity": "eligibility",
        "exibition": "exhibition",
    }


def test_short_known_or_distant_words_are_left_alone():
    corrector = TypoCorrector(["loan guarantee fund"])
    assert corrector.corrections("lone guarantee fnd pizza 2019") == {}


def test_a_typo_finds_the_page_as_its_correct_spelling_would():
    index = SearchIndex([_document("g/", "guarantee for loans"), _document("o/", "other")])
    assert index.search("guarentee")[0].document.path == "g/"


def test_the_index_reads_questions_through_the_phrase_table():
    documents = [_document("amount/", "", "最高資助額多少"), _document("other/", "", "申請資格")]
    assert SearchIndex(documents).search("幾多")[0].coverage == 0  # 多 alone is no match
    hit = SearchIndex(documents, phrases=PHRASES).search("幾多")[0]
    assert (hit.document.path, hit.coverage) == ("amount/", 1)


def test_the_previous_question_leans_a_follow_up_towards_its_subject():
    documents = [
        _document("emf/amount/", "Export marketing fund: the maximum grant"),
        _document("sgs/amount/", "Loan guarantee scheme: the maximum guarantee"),
    ]
    index = SearchIndex(documents)
    assert index.search("maximum", context="loan guarantee")[0].document.path == "sgs/amount/"
    assert index.search("maximum", context="export fund")[0].document.path == "emf/amount/"


def test_the_question_outweighs_the_previous_one():
    documents = [_document("privacy/", "privacy policy"), _document("emf/", "export fund")]
    index = SearchIndex(documents)
    assert index.search("privacy policy", context="export fund")[0].document.path == "privacy/"
