"""Personal data a visitor must not give the assistant: found before a question is used.

Identity card numbers (check digit verified), passport-like numbers (one or two letters and
7 to 9 digits, as Hong Kong's K/H + 8), Hong Kong telephone numbers other than those our pages
publish, mainland mobiles (+86 1x…), e-mail addresses and payment cards (Luhn).

However they are written: the text is normalised first (full-width forms by NFKC, zero-width
and other invisible format characters removed), a number may be split by spaces, dots, dashes,
slashes or brackets, and `@` may have spaces around it; in English and inside Chinese
sentences. Dates (2025-03-31, 31/3/2025) and year ranges (2024/2025) are not numbers to refuse.
"""

import re
import unicodedata

# What people put inside a number: spaces, dots, dashes, slashes, underscores and brackets
# (full-width forms are already ASCII after NFKC).
SEPARATOR = r"[\s.\-‐‑‒–—―/\\_()\[\]{}【】〔〕]"
NUMBER = re.compile(
    rf"(?<![A-Za-z0-9])(?P<letters>[A-Za-z]{{1,2}}{SEPARATOR}*)?"
    rf"(?P<number>\+?\d(?:{SEPARATOR}*\d)*)"
    rf"(?P<check>{SEPARATOR}*[(\[]\s*[0-9A]\s*[)\]]|(?<=\d)A(?![A-Za-z0-9]))?",
    re.IGNORECASE,
)
EMAIL = re.compile(r"[\w.+-]+[^\S\n]*@[^\S\n]*[\w-]+(?:\.[\w-]+)*\.[A-Za-z]{2,}")
YEAR = re.compile(r"(?:19|20)\d\d")


def normalised(text: str) -> str:
    """Full-width forms as ASCII, invisible characters (zero-width space, joiners, direction
    marks, soft hyphen) removed."""
    text = unicodedata.normalize("NFKC", text or "")
    return "".join(c for c in text if unicodedata.category(c) != "Cf")


def hkid_valid(letters: str, digits: str, check: str) -> bool:
    values = [36] if len(letters) == 1 else []
    values += [ord(letter) - ord("A") + 10 for letter in letters.upper()]
    values += [int(digit) for digit in digits]
    total = sum(value * weight for value, weight in zip(values, range(9, 1, -1), strict=True))
    expected = (11 - total % 11) % 11
    return check.upper() == ("A" if expected == 10 else str(expected))


def luhn_valid(number: str) -> bool:
    digits = [int(d) for d in number][::-1]
    total = sum(d if i % 2 == 0 else (d * 2 - 9 if d > 4 else d * 2) for i, d in enumerate(digits))
    return total % 10 == 0


def _is_date(groups: list[str]) -> bool:
    years = [g for g in groups if len(g) == 4 and YEAR.fullmatch(g)]
    return len(years) == 1 and all(len(g) <= 2 for g in groups if g not in years)


def _is_date_or_years(groups: list[str]) -> bool:
    """2025-03-31, 31/3/2025 - 30/4/2025, 2024/2025: no one's number."""
    if len(groups) >= 2 and all(len(g) == 4 and YEAR.fullmatch(g) for g in groups):
        return True
    triples = [groups[i : i + 3] for i in range(0, len(groups), 3)]
    return len(groups) % 3 == 0 and all(_is_date(triple) for triple in triples)


def _hong_kong_phone(digits: str) -> str | None:
    if len(digits) == 11 and digits.startswith("852"):
        digits = digits[3:]
    return digits if len(digits) == 8 and digits[0] in "23456789" else None


def _mainland_mobile(digits: str) -> bool:
    for prefix in ("0086", "86", ""):
        rest = digits.removeprefix(prefix) if digits.startswith(prefix) else None
        if rest and len(rest) == 11 and rest[0] == "1" and rest[1] in "3456789":
            return True
    return False


def _numbers(text: str):
    """(letters, digit groups, check character) for each number in normalised text."""
    for match in NUMBER.finditer(text):
        written = match["letters"] or ""
        letters = re.sub(r"[^A-Za-z]", "", written)
        if re.search(r"\s", written) and not letters.isupper():
            letters = ""  # a word before a number ("is 2398 5129"), not K 1234 5678
        letters = letters.upper()
        groups = re.findall(r"\d+", match["number"])
        check = re.sub(r"[^0-9A-Za-z]", "", match["check"] or "").upper()
        yield letters, groups, check


def _phone_numbers(text: str) -> set[str]:
    found = set()
    for _letters, groups, _check in _numbers(text):
        phone = None if _is_date_or_years(groups) else _hong_kong_phone("".join(groups))
        if phone:
            found.add(phone)
    return found


def published_phone_numbers(texts) -> frozenset[str]:
    """Every Hong Kong number our pages show (enquiry lines may be asked about)."""
    return frozenset(number for text in texts for number in _phone_numbers(normalised(text)))


def _identity_number(letters: str, groups: list[str], check: str) -> bool:
    if not letters or _is_date_or_years(groups):
        return False
    digits = "".join(groups)
    if check:  # A123456[A]
        return len(digits) == 6 and hkid_valid(letters, digits, check)
    if len(groups) > 1 and len(groups[-1]) == 1 and len(digits) == 7:  # A 123456 (3), A-123456-3
        return hkid_valid(letters, digits[:6], digits[6])
    return 7 <= len(digits) <= 9  # A1234563, K 1234 5678: an identity card or passport number


def contains_personal_data(text: str, *, published_numbers=frozenset()) -> bool:
    text = normalised(text)
    if EMAIL.search(text):
        return True
    for letters, groups, check in _numbers(text):
        if _identity_number(letters, groups, check):
            return True
        if _is_date_or_years(groups):
            continue
        digits = "".join(groups)
        phone = _hong_kong_phone(digits)
        if phone and phone not in published_numbers:
            return True
        if _mainland_mobile(digits) or (13 <= len(digits) <= 19 and luhn_valid(digits)):
            return True
    return False
