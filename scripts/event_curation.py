"""Hand-curated inputs of the event lexicon: verbs to leave out, codes to correct, nouns to add.

Kept apart from build_event_data.py so the judgement calls can be read (and argued with) in
one place, each group with the reason it was made.
"""

from __future__ import annotations


def word_set(text: str) -> frozenset[str]:
    """Words of a `#`-commented word list; `shoot_down` stands for "shoot down"."""
    lines = (line for line in text.splitlines() if not line.lstrip().startswith("#"))
    return frozenset(word.replace("_", " ") for line in lines for word in line.split())


# CAMEO blocks hold WordNet synonyms that PETRARCH only coded between two known actors.
# Alone, these fire on ordinary prose ("take", "think", "fail", "increase"), so they stay
# reachable only through their patterns ("take part in ..."). Grouped by why they go.
NOT_TRIGGERS = word_set(
    """
# light verbs and motion: an event only with a particular object
take catch grab face brave match hit hammer struggle pit look seem appear set put place post
base pose position station situate arrange format go come move make keep hold give get send
bring run see hear know enter cross mark name follow leave depart travel journey embark
egress arrive approach join unite gather assemble flock cluster amass converge conjoin
constellate conglomerate congregate encounter insert introduce acquaint tour
# speech, cognition and intent: the quote stage and event status handle these
add claim argue contend aver avow admit confess profess reveal divulge expose hint swear
think learn reason ponder muse meditate mull ruminate speculate contemplate reconsider weigh
excogitate innovate elicit want expect mean need hope desire decide determine aim plan
intend seek ready groom train prepare endeavor endeavour strive subscribe vote volunteer
certify comply ensure indicate point signal resurrect resuscitate remember promulgate recall
walk regard suspect
# feelings and judgements that are not acts between actors
admire affect impact advertise advertize cheer clap enliven exuberate exult triumph tempt
prize prefer esteem toast sanctify glorify exalt rouse spur galvanize invigorate revitalize
inspire embolden compete contrast counterbalance cry grieve mourn weep wail sadden despair
dishearten disappoint discourage humble agonise agonize annoy arouse badger bother discomfit
disconcert disquiet enkindle irk irritate pester plague rag torment upset vex disturb differ
# generic change, management and commerce verbs of CAMEO 050/060
fix mend repair reconstruct restore reopen re-open reinstate reestablish re-establish
organise organize orchestrate promote unveil upgrade value correlate synchronise synchronize
harmonise harmonize concert integrate associate conform confide unionise unionize deal
barter haggle bargain doctor abate accord administer allocate allot ameliorate amplify
appease apportion assign assuage attach attire augment award benefit bequeath bestow better
bind blend boost chain coalesce combine command compound conduct conflate connect constitute
control deepen dictate direct ease enact endow enhance enjoin enlarge enroll entrust
escalate establish exaggerate expand expediate found fuse gear govern handle head heighten
improve increase institute intensify issue lead link magnify manage merge mitigate oversee
prescribe redouble regulate relate render rule serve simplify steer supervise supervize task
stock tender outfit furnish sell buy purchase pay import provide exchange swap trade
# research, chance, physical and figurative senses coded as events by their block
analyse ascertain check comb dig explore glance mine rake research scan search skim study
sweep unearth monitor re-examine reexamine crash collision wreck compensate best break
circle ring master dominate overcome overshadow overtake surmount spoil mar tarnish corrupt
vitiate impair contaminate crack tear rip blow ruin identify die quarrel engage wage
dishonor dishonour ravish bust shatter lash conflict altercate reave desolate bill pull
pluck extract revolutionise revolutionize overturn imbue infest inhabit permeate pervade
reside moderate reinforce enclose contain inflict levy tax remove penetrate enforce
appropriate pirate tend ward interfere guard abide bide clear concession detach disconnect
disentangle fill pass satify tease undo unloose untie verify retire resettle legislate
empower enable intercede intermediate emancipate liberate defect fail hamper hinder impede
inhibit forestall retard procrastinate remit table stymie stall prevent override countermine
disarray disorder trash abort drum garner rally express consider apply necessitate influence
celebrate commemorate unify resolve risk
# past forms CAMEO lists as verbs of their own
burnt forgave forgiven touring
# particle verbs (words joined by _) whose block code misleads
beef_up vote_down look_after step_in go_by go_through hash_out talk_over settle_on get_out
drop_out find_out leave_behind go_away go_forth go_to walk_out glance_over look_over drum_up
pull_together tie_in step_up pay_for gear_up is_determined abide_by conform_to
"""
)
# Verbs whose CAMEO block files them under a code analysts would not expect, with the
# PLOVER reading their CAMEO2PLOVER row gives: lemma -> (CAMEO code, PLOVER type, mode).
VERB_OVERRIDES: dict[str, tuple[str, str, str]] = {
    "negotiate": ("046", "CONSULT", ""),  # block ALLOW [080] would make it CONCEDE
    "mediate": ("045", "CONSULT", ""),
    "agree": ("030", "AGREE", ""),  # block AGREE [050] maps to SUPPORT
    "cooperate": ("060", "COOPERATE", ""),
    "aid": ("070", "AID", ""),
    "reject": ("120", "REJECT", ""),  # REFUSE [---] has no majority code
    "refuse": ("120", "REJECT", ""),
    "veto": ("129", "REJECT", "yield"),  # CAMEO lists it under 172, PLOVER has 129 Veto
    "disarm": ("0873", "RETREAT", "disarm"),
    "withdraw": ("0874", "RETREAT", "withdraw"),  # block RETREAT [080] maps to CONCEDE
    "retreat": ("0874", "RETREAT", "withdraw"),
    "pull back": ("0874", "RETREAT", "withdraw"),
    "pull out": ("0874", "RETREAT", "withdraw"),
    "draw back": ("0874", "RETREAT", "withdraw"),
    "surrender": ("0874", "RETREAT", "disarm"),
    "release": ("0841", "RETREAT", "release"),
    "free": ("0841", "RETREAT", "release"),
    "set free": ("0841", "RETREAT", "release"),
    "deploy": ("154", "MOBILIZE", "troops"),  # SEND [---] has no majority code
    "sanction": ("163", "SANCTION", "restrict"),  # the table files 163 under COERCE
    "shell": ("194", "ASSAULT", "shelling"),  # 190 has no mode; shelling is artillery, 194
    # A verb of conflict copy CAMEO's dictionary lacks: "48 people executed by government
    # forces".
    "execute": ("1823", "ASSAULT", "massacre"),
    # A denial is a refusal of the accusation: analysts code "the army denied using chemical
    # weapons" as REJECT by the army (the act denied keeps its own record, status `denied`).
    "deny": ("120", "REJECT", ""),
    "refute": ("120", "REJECT", ""),
    "bombard": ("194", "ASSAULT", "shelling"),
}

# Nominal triggers CAMEO's verb dictionary lacks. Groups follow the PLOVER manual's type
# definitions (draft 0.8, 2021); ASSAULT modes follow the ACLED codebook's event sub-types
# (air/drone strike, shelling/artillery/missile attack, suicide bomb, armed clash, abduction).
# Where CAMEO2PLOVER files a code elsewhere (0871 ceasefire -> RETREAT, 057 sign agreement ->
# SUPPORT, 163 sanctions -> COERCE) the noun follows PLOVER's definitions instead, and the
# CAMEO column names the nearest code of that type. Columns: forms, type, mode, CAMEO.
NOUN_TABLE = """
# PLOVER type; mode (- for none); CAMEO code; forms a|b|c
ASSAULT; air strike; 195; air strike|air strikes|airstrike|airstrikes|air raid|air raids
ASSAULT; air strike; 195; aerial bombardment|aerial bombing|bombing raid
ASSAULT; drone strike; 195; drone strike|drone strikes|drone attack|drone attacks
ASSAULT; shelling; 194; missile strike|missile strikes|missile attack|missile attacks
ASSAULT; shelling; 194; rocket attack|rocket attacks|rocket fire|artillery fire|mortar fire
ASSAULT; shelling; 194; shelling|shellings|bombardment|bombardments
ASSAULT; -; 190; strike|strikes
ASSAULT; -; 190; attack|attacks|assault|assaults|offensive|offensives
ASSAULT; -; 190; ambush|ambushes|raid|raids|incursion|incursions|invasion
ASSAULT; armed clash; 190; clash|clashes|fighting|battle|battles|skirmish|skirmishes
ASSAULT; armed clash; 190; firefight|gunfight|gun battle|gunbattle|hostilities
ASSAULT; -; 190; killing|killings|murder|murders
ASSAULT; firearms; 193; shooting|shootings|gunfire
ASSAULT; bombing; 183; bombing|bombings|bomb attack|bomb attacks
ASSAULT; bombing; 183; bomb|bombs|blast|blasts|explosion|explosions
ASSAULT; suicide bombing; 1831; suicide bombing|suicide bombings|suicide attack
ASSAULT; suicide bombing; 1831; suicide attacks
ASSAULT; car bombing; 1832; car bombing|car bombings|car bomb
ASSAULT; roadside bombing; 1833; roadside bomb|roadside bombing|roadside bombs
ASSAULT; massacre; 202; massacre|massacres|mass killing|mass killings
ASSAULT; assassinate; 186; assassination|assassinations
ASSAULT; abduct; 181; kidnapping|kidnappings|abduction|abductions
ASSAULT; torture; 1822; torture
ASSAULT; unconventional; 2041; chemical attack|chemical attacks|gas attack
ASSAULT; cleansing; 203; ethnic cleansing
COERCE; arrest; 173; arrest|arrests|detention|detentions
COERCE; deport; 174; deportation|deportations|expulsion|expulsions
COERCE; -; 170; crackdown|crackdowns
COERCE; curfew; 1723; curfew
COERCE; martial-law; 1724; martial law|state of emergency
COERCE; restrict; 191; blockade|blockades|siege|sieges
COERCE; seize; 192; occupation
SANCTION; restrict; 163; sanction|sanctions|embargo|embargoes
CONSULT; -; 046; talk|talks|negotiation|negotiations|consultation|consultations
CONSULT; -; 040; meeting|meetings|discussion|discussions|summit|summits
CONSULT; phone; 041; phone call|phone calls|telephone call
CONSULT; visit; 042; visit|visits
CONSULT; -; 045; mediation
ACCUSE; allege; 112; accusation|accusations|allegation|allegations|complicity|collusion
ACCUSE; allege; 1124; war crime|war crimes
ACCUSE; disapprove; 111; hypocrisy|criticism|condemnation|condemnations
ACCUSE; allege; 115; lawsuit|lawsuits
ACCUSE; investigate; 090; investigation|investigations|probe|probes|inquiry
THREATEN; -; 130; threat|threats|warning|warnings
THREATEN; relations; 139; ultimatum|ultimatums
PROTEST; demo; 141; protest|protests|demonstration|demonstrations|rally|rallies|sit-in
PROTEST; riot; 145; riot|riots|unrest
PROTEST; hunger; 142; hunger strike|hunger strikes
PROTEST; boycott; 143; general strike|labour strike|labor strike|boycott|boycotts
AID; -; 070; aid|assistance
AID; humanitarian; 073; humanitarian aid|humanitarian assistance|aid convoy|aid convoys
AID; military; 072; military aid|military assistance|military support|arms deliveries
AID; asylum; 075; asylum
AGREE; -; 0356; ceasefire|ceasefires|cease-fire|truce|truces
AGREE; -; 030; agreement|agreements|deal|deals|accord|accords|treaty
AGREE; -; 037; peace deal|peace agreement|peace accord|peace plan
RETREAT; withdraw; 0874; withdrawal|withdrawals|pullout|pull-out|retreat
RETREAT; disarm; 0874; surrender|disarmament
RETREAT; release; 0841; prisoner swap|prisoner exchange|prisoner release
MOBILIZE; troops; 154; deployment|deployments|mobilisation|mobilization
MOBILIZE; troops; 154; buildup|build-up|troop buildup|reinforcements
MOBILIZE; -; 150; military exercise|military exercises|military drills
SUPPORT; -; 051; support|backing|endorsement|praise
SUPPORT; -; 054; recognition
SUPPORT; -; 055; apology|apologies
REQUEST; -; 100; appeal|appeals|demand|demands|request|requests
REJECT; -; 120; rejection|refusal|veto
COOPERATE; -; 060; cooperation|extradition
CONCEDE; -; 080; concession|concessions
"""


def curated_nouns() -> list[tuple[str, str, str, str]]:
    """(forms, PLOVER type, mode, CAMEO code) rows of NOUN_TABLE."""
    rows: list[tuple[str, str, str, str]] = []
    for line in NOUN_TABLE.strip().splitlines()[1:]:
        plover, mode, cameo, forms = (part.strip() for part in line.split(";"))
        rows.append((forms, plover, "" if mode == "-" else mode, cameo))
    return rows


NOUN_COMMENT = """Curated nominal event triggers for newsgraph (CC BY-SA 4.0, see ATTRIBUTION.md).
Types per the PLOVER manual (draft 0.8); ASSAULT modes per the ACLED codebook's sub-types.
Look-up is by lemma, or "modifier lemma" first ("air" + "strike" -> air strike)."""
