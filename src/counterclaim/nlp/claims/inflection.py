"""The simple past of an English verb from its base form, for a claim made finite ("accused him of
lying" -> "he lied"): the regular spelling rules (Quirk et al. 3.5-3.7: "-ed", a silent "e" dropped,
"y" after a consonant to "ie", a final stressed consonant doubled in one-syllable verbs) and the
common irregular verbs (Quirk et al. 3.13-3.16)."""
from __future__ import annotations

IRREGULAR = {
    "be": "was", "have": "had", "do": "did", "go": "went", "say": "said", "make": "made", "take": "took",
    "get": "got", "give": "gave", "see": "saw", "come": "came", "know": "knew", "think": "thought",
    "tell": "told", "find": "found", "leave": "left", "feel": "felt", "bring": "brought", "buy": "bought",
    "sell": "sold", "pay": "paid", "keep": "kept", "hold": "held", "hide": "hid", "lie": "lied",
    "mislead": "misled", "lead": "led", "meet": "met", "run": "ran", "put": "put", "cut": "cut", "let": "let",
    "set": "set", "shut": "shut", "hit": "hit", "hurt": "hurt", "cost": "cost", "quit": "quit",
    "spread": "spread", "spend": "spent", "send": "sent", "lend": "lent", "build": "built", "lose": "lost",
    "win": "won", "begin": "began", "break": "broke", "choose": "chose", "speak": "spoke", "steal": "stole",
    "write": "wrote", "drive": "drove", "ride": "rode", "rise": "rose", "fall": "fell", "forget": "forgot",
    "hear": "heard", "read": "read", "stand": "stood", "understand": "understood", "sleep": "slept",
    "fight": "fought", "teach": "taught", "catch": "caught", "seek": "sought", "flee": "fled",
    "shoot": "shot", "throw": "threw", "grow": "grew", "draw": "drew", "show": "showed", "blow": "blew",
    "fly": "flew", "eat": "ate", "drink": "drank", "sing": "sang", "swim": "swam", "sink": "sank",
    "bite": "bit", "feed": "fed", "bend": "bent", "bet": "bet", "bid": "bid", "deal": "dealt",
    "mean": "meant", "wear": "wore", "tear": "tore", "swear": "swore", "bear": "bore", "forgive": "forgave",
    "overlook": "overlooked", "withhold": "withheld", "undertake": "undertook", "oversee": "oversaw",
    "become": "became", "sit": "sat", "light": "lit", "slide": "slid", "strike": "struck", "stick": "stuck",
    "sweep": "swept", "weep": "wept", "wake": "woke", "shake": "shook", "freeze": "froze", "bind": "bound",
    "upset": "upset", "mistake": "mistook", "misunderstand": "misunderstood", "overthrow": "overthrew",
}
_VOWELS = "aeiou"


def past_tense(base: str) -> str:
    """The simple past of the base form ``base``: "lie" -> "lied", "hide" -> "hid", "stop" -> "stopped"."""
    low = base.lower()
    if low in IRREGULAR:
        return IRREGULAR[low]
    if low.endswith("e"):
        return low + "d"
    if low.endswith("y") and len(low) > 1 and low[-2] not in _VOWELS:
        return low[:-1] + "ied"
    if (len(low) >= 3 and low[-1] not in _VOWELS + "wxy" and low[-2] in _VOWELS and low[-3] not in _VOWELS
            and sum(ch in _VOWELS for ch in low) == 1):
        return low + low[-1] + "ed"  # "stop" -> "stopped", not "visit" -> "visitted"
    return low + "ed"
