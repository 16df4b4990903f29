"""Red flags: the signs that mean "stop, this is not for stretching: get medical help".

Written once per muscle group and shown with every relief routine of that group
(the detail page and the player's get-ready screen), whatever the routine's own
safety note says. The wording follows NHS guidance on leg cramps, blood clots,
back pain, sciatica and neck pain, in the app's own words. Never a medicine,
brand or shop.
"""

from __future__ import annotations

# The heading the red flags are shown under.
RED_FLAGS_HEADING = "Stop and get medical help"

_CALF: tuple[str, ...] = (
    "Pain in one calf with swelling, warmth, redness or darker skin, especially after "
    "a long journey, an operation, pregnancy, or taking the contraceptive pill or "
    "hormone treatment, can be a blood clot: do not stretch or massage the leg, and "
    "get urgent medical help.",
    "Calf pain with breathlessness or chest pain is an emergency: call for an ambulance.",
    "A cramp that lasts more than 10 minutes, or comes with numbness or swelling: see "
    "a doctor.",
    "Cramps that come often or keep waking you up: talk to a doctor.",
)

_BACK: tuple[str, ...] = (
    "Numbness or tingling around your genitals, bottom or inner thighs, or new trouble "
    "peeing, holding your pee or controlling your bowels, is an emergency: get help "
    "at once.",
    "Weakness, numbness or pins and needles in one or both legs, or pain spreading "
    "down both legs: see a doctor urgently.",
    "Back pain with a fever or feeling hot and shivery: see a doctor urgently.",
    "Back pain after a fall, an accident or a blow to the back: get it checked first.",
    "Back pain with weight loss you cannot explain, or if you have had cancer: see "
    "a doctor.",
)

_NECK: tuple[str, ...] = (
    "A fever with a headache and a stiff neck, especially with a rash or a dislike of "
    "bright light, is an emergency: get help at once.",
    "Weakness, numbness or clumsiness in an arm or hand: see a doctor urgently.",
    "Double vision, trouble speaking or swallowing, or sudden dizziness: get help at once.",
    "Neck pain with chest pain, or pain spreading into the arm or jaw, is an emergency: "
    "call for an ambulance.",
    "Neck pain after a fall, an accident or a blow to the head: get it checked first.",
)

_BY_GROUP: dict[str, tuple[str, ...]] = {"calf": _CALF, "back": _BACK, "neck": _NECK}


def red_flags(group: str) -> tuple[str, ...]:
    """The red flags of a muscle group, each one sentence or two; () for other groups."""
    return _BY_GROUP.get(group, ())


def has_red_flags(group: str) -> bool:
    """True when the group has red flags to show."""
    return group in _BY_GROUP
