"""Number words, defined once: the cardinals and ordinals up to twelve, the teens and tens, and the round words.

Each module that reads numbers written as words takes the range it needs from these tables
(`cardinals(2, 10)`, `ordinals(2, 12)`), so a word is spelled, and valued, in one place.
"""

from __future__ import annotations

CARDINALS = {
    w: i
    for i, w in enumerate(
        ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve"]
    )
}
ORDINALS = {
    w: i + 1
    for i, w in enumerate(
        ["first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth", "eleventh",
         "twelfth"]
    )
}  # fmt: skip
# The teens, and the tens that begin a compound number word ("Twenty-two skimmer vessels"), for reading counts (values).
TEENS = {
    w: 13 + i for i, w in enumerate(["thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"])
}
TENS = {
    w: 10 * (i + 2)
    for i, w in enumerate(["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"])
}
ROUND = {"dozen": 12, "twenty": 20, "thirty": 30, "fifty": 50, "hundred": 100, "thousand": 1000, "million": 1000000}


def cardinals(low: int, high: int) -> dict[str, int]:
    """The cardinal words valued `low` to `high`, both included."""
    return {w: n for w, n in CARDINALS.items() if low <= n <= high}


def ordinals(low: int, high: int) -> dict[str, int]:
    """The ordinal words valued `low` to `high`, both included."""
    return {w: n for w, n in ORDINALS.items() if low <= n <= high}
