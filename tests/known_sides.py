"""A small hand-made world of outlets, actors and people for the side and origin rules."""

from __future__ import annotations

from newsgraph.resolve.outlets import Outlet
from newsgraph.store.sides import ActorFacts

OUTLETS = [
    Outlet("SANA", ("Syrian Arab News Agency",), "Syria", "state", "Syria", "https://x/SANA"),
    Outlet("Al-Manar", ("Al Manar TV",), "Lebanon", "party", "Hezbollah", "https://x/Manar"),
    Outlet("Reuters", (), "United Kingdom", "wire", None, "https://x/Reuters"),
    Outlet("The Jordan Times", (), "Jordan", "private", None, "https://x/JT"),
    Outlet("Etilaf", (), "Syria", "party", "Syrian National Coalition", "https://x/Etilaf"),
]
ACTORS = {
    "Russia": ActorFacts("country"),
    "Syria": ActorFacts("country", patrons=("Russia", "Iran")),
    "Free Syrian Army": ActorFacts("armed_group", "Syria", patrons=("Turkey",)),
    "Iranian state TV": ActorFacts("media", "Iran", "rule:state-media"),
    "Rebel Radio": ActorFacts("media", "Syria", "ner"),
    "Russian Defence Ministry": ActorFacts("government_body", "Russia"),
    "US-led coalition": ActorFacts("alliance", led_by="United States"),
    "United Nations": ActorFacts("organisation"),
    "Syrian National Coalition": ActorFacts("organisation", "Syria"),
    # as the actor lexicon places them (Actor.side)
    "National Defence Forces": ActorFacts("armed_group", "Syria", camp="state"),
    "Aleppo Media Center": ActorFacts("organisation", "Syria", camp="opposition"),
    "Halab Today TV": ActorFacts("media", "Syria", camp="opposition"),
    "Al-Ikhbariya": ActorFacts("media", "Syria", camp="state"),
    "White Helmets": ActorFacts("organisation", "Syria", camp="monitor"),
}
PEOPLE = {"Anna Petrova": "Russia", "Omar Haddad": None, "Jane Roe": "Reuters"}
