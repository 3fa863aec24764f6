"""Personal data a visitor must not give the assistant: found before a question is used.

Identity card numbers (check digit verified), passport-like numbers, Hong Kong telephone
numbers other than those our pages publish, e-mail addresses and payment cards (Luhn).
"""

import re
import unicodedata

HKID = re.compile(
    r"(?<![A-Z0-9])([A-Z]{1,2})(\d{6})\s*[(（]?\s*([0-9A])\s*[)）]?(?![A-Z0-9])", re.I
)
PASSPORT = re.compile(r"(?<![A-Z0-9])[A-Z]{1,2}\d{7,9}(?![A-Z0-9])", re.I)
PHONE = re.compile(r"(?<!\d)(?:\+?852[\s-]?)?([2-9]\d{3})[\s-]?(\d{4})(?!\d)")
EMAIL = re.compile(r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+")
CARD = re.compile(r"(?<!\d)(?:\d[\s-]?){12,18}\d(?!\d)")


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


def _phone_numbers(text: str) -> set[str]:
    return {start + end for start, end in PHONE.findall(text)}


def published_phone_numbers(texts) -> frozenset[str]:
    """Every Hong Kong number our pages show (enquiry lines may be asked about)."""
    return frozenset(number for text in texts for number in _phone_numbers(text))


def contains_personal_data(text: str, *, published_numbers=frozenset()) -> bool:
    text = unicodedata.normalize("NFKC", text or "")
    if EMAIL.search(text):
        return True
    if any(hkid_valid(*match) for match in HKID.findall(text)):
        return True
    if PASSPORT.search(text):
        return True
    for match in CARD.finditer(text):
        digits = re.sub(r"\D", "", match.group())
        if 13 <= len(digits) <= 19 and luhn_valid(digits):
            return True
    return bool(_phone_numbers(text) - published_numbers)
