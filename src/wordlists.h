/* wordlists.h - closed classes of words that the grammar stages test
 * (auxiliaries, subordinators, verbs of saying, ...). dyad_dict_finish
 * interns them and marks every dictionary word with the classes it belongs
 * to, so that a test is one bit on the token (dy_wc). Edit here only. */
#ifndef DY_WORDLISTS_H
#define DY_WORDLISTS_H

#define DY_WORDLISTS(X) \
    X(BE_FORMS, "be", "is", "are", "am", "was", "were", "been", "being") \
    X(HAVE_FORMS, "have", "has", "had", "having", "'ve") \
    X(DO_FORMS, "do", "does", "did") \
    X(MODALS_POSSIBLE, "may", "might", "could", "can", "ca") \
    X(MODALS_WOULD, "would", "should", "'d") \
    X(MODALS_WILL, "will", "shall", "'ll", "wo") \
    X(NEGATORS, "not", "n't", "never") \
    X(VG_ADVERBS, "also", "already", "still", "just", "now", "reportedly",  \
      "allegedly", "previously", "recently", "again", "further", "then",  \
      "later", "soon", "currently", "repeatedly", "once", "jointly",  \
      "formally", "officially", "finally", "strongly", "immediately",  \
      "quickly", "actually", "even", "only", "really", "apparently",  \
      "reluctantly", "unanimously", "publicly", "personally", "directly",  \
      "eventually", "firmly", "briefly", "yet", "always", "often",  \
      "usually", "initially", "subsequently", "swiftly", "openly",  \
      "repeatedly", "effectively", "partially", "fully", "largely",  \
      "widely", "sharply", "strongly", "vehemently", "harshly", "roundly",  \
      "privately", "secretly", "separately", "together", "mutually") \
    X(COND_WORDS, "if", "unless") \
    X(ADV_WORDS, "when", "whenever", "after", "before", "because", "while",  \
      "although", "though", "since", "until", "once", "whereas", "as") \
    X(REL_WORDS, "who", "whom", "whose", "which") \
    X(PRONOUNS_PERSON, "he", "she", "him", "her", "his") \
    X(PRONOUNS_GROUP, "they", "them", "their", "we", "us", "our") \
    X(PRONOUNS_IT, "it", "its") \
    X(QUANTITY_NOUNS, "hundreds", "thousands", "dozens", "scores", "tens",  \
      "millions", "crowds", "groups") \
    X(SUBORDINATORS, "if", "unless", "that", "because", "although",  \
      "though", "while", "whereas", "whether", "so", "once", "when",  \
      "whenever") \
    X(MAYBE_SUBORDINATORS, "after", "before", "since", "until", "as",  \
      "till") \
    X(SAYING_VERBS, "say", "said", "says", "saying", "announce",  \
      "announced", "announces", "claim", "claimed", "claims", "believe",  \
      "believed", "believes", "think", "thought", "thinks", "warn",  \
      "warned", "warns", "insist", "insisted", "insists", "declare",  \
      "declared", "declares", "report", "reported", "reports", "state",  \
      "stated", "states", "add", "added", "adds", "confirm", "confirmed",  \
      "confirms", "deny", "denied", "denies", "hope", "hoped", "hopes",  \
      "expect", "expected", "expects", "fear", "feared", "fears",  \
      "suggest", "suggested", "argue", "argued", "tell", "told", "tells",  \
      "know", "knew", "knows", "acknowledge", "acknowledged", "admit",  \
      "admitted", "stress", "stressed", "indicate", "indicated", "predict",  \
      "predicted", "promise", "promised", "vow", "vowed", "threaten",  \
      "conclude", "concluded", "concludes", "ruled", \
      "threatened") \
    X(OBJECT_CONTROL, "urge", "urged", "urges", "urging", "ask", "asked",  \
      "asks", "asking", "tell",  \
      "told", "tells", "order", "ordered", "orders", "invite", "invited",  \
      "invites", "encourage", "encouraged", "encourages", "force",  \
      "forced", "forces", "allow", "allowed", "allows", "press", "pressed",  \
      "presses", "pressure", "pressured", "persuade", "persuaded", "warn",  \
      "warned", "warns", "instruct", "instructed", "request", "requested",  \
      "requests", "require", "required", "advise", "advised", "authorize",  \
      "authorized", "authorise", "authorised", "permit", "permitted",  \
      "help", "helped", "enable", "enabled", "appeal", "appealed",  \
      "appeals", "challenge", "challenged", "implore", "implored", "beg",  \
      "begged", "compel", "compelled") \
    X(TIME_HEADS, "week", "weeks", "year", "years", "month", "months",  \
      "today", "yesterday", "tomorrow", "tonight", "day", "days",  \
      "weekend", "morning", "evening", "night", "afternoon", "monday",  \
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",  \
      "time", "hour", "hours") \
    X(BARE, "help", "helps", "helped", "helping", "make", "makes", "made",  \
      "let", "lets", "see", "saw", "watch", "watched", "hear", "heard") \
    X(PLACE_NOUNS, "border", "borders", "frontier", "coast", "region",  \
      "regions", "area", "areas", "province", "provinces", "district",  \
      "town", "towns", "city", "cities", "village", "villages", "capital",  \
      "territory", "territories", "zone", "enclave", "port", "island",  \
      "islands", "sea", "waters", "airspace", "soil", "mainland",  \
      "countryside", "highlands", "desert", "mountains", "coastline",  \
      "side", "state", "municipality", "outskirts") \
    X(FORMER_WORDS, "former", "ex", "ousted", "deposed", "exiled",  \
      "retired", "toppled", "overthrown", "one-time", "erstwhile") \
    X(LOCATIVE_PREPS, "in", "at", "near", "to", "into", "from", "outside",  \
      "inside", "across", "around", "toward", "towards", "through", "via") \
    X(PAIR_HEADS, "countries", "sides", "leaders", "nations", "states",  \
      "governments", "presidents", "heads", "parties", "ministers",  \
      "delegations", "negotiators", "teams", "envoys", "neighbours",  \
      "neighbors") \
    X(LEADER_HEADS, "leaders", "presidents", "heads", "ministers",  \
      "governments") \
    X(PREP_LIKE, "including", "following", "according", "excluding",  \
      "regarding", "concerning", "considering", "notwithstanding",  \
      "pending", "amid", "despite") \
    X(REPORTING_VERBS, "say", "said", "says", "saying", "tell", "told",  \
      "tells", "state", "stated", "states", "add", "added", "adds",  \
      "report", "reported", "reports", "announce", "announced",  \
      "announces", "write", "wrote", "writes", "confirm", "confirmed",  \
      "confirms", "note", "noted", "notes", "stress", "stressed",  \
      "stresses", "explain", "explained", "declare", "declared", "quote",  \
      "quoted", "cite", "cited", "citing", "reiterate", "reiterated",  \
      "reiterates", "insist", "insisted", "claim", "claimed", "claims",  \
      "believe", "believes", "believed", "think", "thinks", "thought",  \
      "hope", "hopes", "hoped", "expect", "expects", "expected", "argue",  \
      "argued", "suggest", "suggested", "indicate", "indicated",  \
      "acknowledge", "acknowledged", "admit", "admitted", "recall",  \
      "recalled", "emphasize", "emphasized", "emphasise", "emphasised",  \
      "underline", "underlined", "point", "pointed", "learn", "learned",  \
      "learnt") \
    X(PLANNING_VERBS, "plan", "plans", "planned", "planning", "intend",  \
      "intends", "intended", "expect", "expects", "expected", "schedule",  \
      "scheduled", "set", "due", "going", "hope", "hopes", "hoped", "seek",  \
      "seeks", "sought", "want", "wants", "wanted", "wish", "wishes",  \
      "try", "tries", "tried", "trying", "attempt", "attempts",  \
      "attempted", "aim", "aims", "aimed", "prepare", "prepares",  \
      "prepared", "preparing", "decide", "decides", "decided", "likely",  \
      "poised", "ready", "willing", "eager", "about",  \
       \
       \
      "going", "set", "slated", "tipped") \
    X(PREPS, "with", "to", "against", "on", "at", "toward", "towards",  \
      "into", "for", "over", "from", "upon", "onto", "between") \
    X(PLACE_HEADS, "border", "borders", "frontier", "frontiers", "coast",  \
      "territory", "region", "soil", "airspace", "waters") \
    X(BLOCKING_VERBS, "halt", "halted", "halts", "stop", "stopped",  \
      "stops", "suspend", "suspended", "suspends", "end", "ended", "ends",  \
      "cancel", "cancelled", "canceled", "cancels", "cut", "cuts",  \
      "freeze", "froze", "frozen", "reject", "rejected", "rejects",  \
      "refuse", "refused", "refuses", "deny", "denied", "denies", "oppose",  \
      "opposed", "opposes", "block", "blocked", "blocks", "prevent",  \
      "prevented", "prevents", "postpone", "postponed", "postpones",  \
      "delay", "delayed", "ban", "banned", "bans", "prohibit",  \
      "prohibited", "scrap", "scrapped", "abandon", "abandoned", "break",  \
      "broke", "broken", "call", "called", "veto", "vetoed", "condemn",  \
      "condemned", "criticize", "criticized", "criticise", "criticised",  \
      "denounce", "denounced", "protest", "protested", "disrupt",  \
      "disrupted", "boycott", "boycotted", "fear", "feared", "avoid",  \
      "avoided", "resist", "resisted", "dismiss", "dismissed") \
    X(LIGHT_VERBS, "hold", "held", "holds", "holding", "stage", "staged",  \
      "stages", "launch", "launched", "launches", "begin", "began",  \
      "begun", "begins", "start", "started", "starts", "carry", "carried",  \
      "carries", "conduct", "conducted", "conducts", "continue",  \
      "continued", "continues", "declare", "declared", "declares",  \
      "announce", "announced", "announces", "make", "made", "makes",  \
      "give", "gave", "given", "gives", "offer", "offered", "offers",  \
      "organize", "organized", "organise", "organised", "lead", "led",  \
      "leads", "resume", "resumed", "resumes", "mount", "mounted", "wage",  \
      "waged", "initiate", "initiated", "undertake", "undertook", "pursue",  \
      "pursued", "join", "joined", "open", "opened", "complete",  \
      "completed", "impose", "imposed", "imposes", "issue", "issued",  \
      "extend", "extended", "sign", "signed", "reach", "reached",  \
      "propose", "proposed", "step", "stepped", "intensify", "intensified",  \
      "schedule", "scheduled", "schedules", "arrange", "arranged",  \
      "arranges", "present", "presented", "presents",  \
      "escalate", "escalated", "renew", "renewed", "deliver", "delivered",  \
      "send", "sent", "provide", "provided", "pledge", "pledged", "have",  \
      "had", "has", "take", "took", "taken", "speed", "sped", "speeded",  \
      "accelerate", "accelerated", "order", "ordered") \
    X(DATE_WORDS, "january", "february", "march", "april", "may", "june", \
      "july", "august", "september", "october", "november", "december", \
      "jan", "jan.", "feb", "feb.", "mar", "mar.", "apr", "apr.", "jun", \
      "jun.", "jul", "jul.", "aug", "aug.", "sep", "sep.", "sept", \
      "sept.", "oct", "oct.", "nov", "nov.", "dec", "dec.", "monday", \
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", \
      "mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", \
      "sun", "yesterday", "today", "tomorrow", "tonight", "overnight", \
      "week", "weeks", "month", "months", "year", "years", "day", "days", \
      "weekend", "ago", "decade", "fortnight", "morning", "evening", \
      "night", "afternoon", "hours", "mid") \
    X(SAME_PAST, "cut", "hit", "beat", "set", "put", "hurt", "shut", \
      "quit", "split", "spread", "cast", "let", "bid", "burst", \
      "thrust", "upset", "broadcast", "shed", "slit", "rid", "forecast", \
      "read") \
    X(VIOLENT_VERBS, "attack", "attacks", "attacked", "attacking",  \
      "assassinate", "assassinates", "assassinated", "assassinating",  \
      "assault", "assaults", "assaulted", "assaulting", "ambush",  \
      "ambushes", "ambushed", "ambushing", "bomb", "bombs", "bombed",  \
      "bombing", "shell", "shells", "shelled", "shelling", "shoot",  \
      "shoots", "shot", "shooting", "stab", "stabs", "stabbed",  \
      "stabbing", "massacre", "massacred", "massacres", "murder",  \
      "murders", "murdered", "murdering", "execute", "executed",  \
      "executes", "kidnap", "kidnaps", "kidnapped", "kidnapping",  \
      "abduct", "abducted", "abducts", "torture", "tortured", "tortures",  \
      "storm", "stormed", "storming", "raid", "raided", "raiding",  \
      "gun", "gunned", "strafe", "strafed", "behead", "beheaded",  \
      "invade", "invaded", "besiege", "besieged", "terrorize",  \
      "terrorized", "rocket", "rocketed", "plow", "plows", "plowed",  \
      "plowing", "plough", "ploughs", "ploughed", "ploughing", "ram",  \
      "rams", "rammed", "ramming") \
    X(VIOLENCE_CUES, "bomb", "bombs", "bomber", "bombers", "bombing",  \
      "bombings", "attack", "attacks", "attacker", "attackers",  \
      "assailant", "assailants", "gunman", "gunmen", "gunfire", "sniper",  \
      "snipers", "militant", "militants", "insurgent", "insurgents",  \
      "rocket", "rockets", "missile", "missiles", "mortar", "mortars",  \
      "shell", "shells", "shelling", "strike", "strikes", "airstrike",  \
      "airstrikes", "drone", "drones", "grenade", "grenades", "explosive",  \
      "explosives", "explosion", "explosions", "blast", "blasts", "ied",  \
      "ieds", "landmine", "landmines", "shooting", "raid", "ambush",  \
      "hijacked", "hijacker", "hijackers", "suicide", "booby-trapped",  \
      "jihadist", "jihadists", "fighting", "clashes", "crossfire",  \
      "shrapnel", "artillery", "gunshot", "gunshots") \
    X(OCCUR_VERBS, "erupt", "erupted", "erupts", "erupting", "break",  \
      "broke", "breaks", "rage", "raged", "rages", "raging",  \
      "intensify", "intensified", "intensifies",  \
      "escalate", "escalated", "escalates", "flare", "flared", "flares",  \
      "resume", "resumed", "resumes", "spread", "spreads", "begin", "began",  \
      "begins", "start", "started", "starts", "ensue", "ensued") \
    X(ATTEMPT_VERBS, "tried", "attempted") \
    X(PROPOSE_VERBS, "propose", "proposed", "proposes", "offer", "offered",  \
      "offers", "suggest", "suggested", "suggests") \
    X(INF_NOUNS, "decision", "decisions", "plan", "plans", "offer", \
      "offers", "attempt", "attempts", "bid", "bids", "move", "effort", \
      "efforts", "right", "promise", "promises", "pledge", "pledges", \
      "threat", "threats", "call", "calls", "proposal", "proposals", \
      "agreement", "deal", "order", "orders", "request", "requests", \
      "refusal", "failure", "ability", "readiness", "willingness", \
      "intention", "intentions", "commitment", "vow", "demand", "demands", \
      "campaign", "push", "drive", "initiative", "mission", "mandate", \
      "permission", "authorization", "authorisation", "chance", \
      "opportunity", "need", "appeal", "invitation", "warning", "ultimatum") \
    X(DEMAND_NOUNS, "demand", "demands", "call", "calls", "request", \
      "requests", "appeal", "order", "orders", "ultimatum", "invitation", \
      "push", "warning") \
    X(STATIVE_PARTICIPLES, "opposed", "committed", "dedicated", "devoted", \
      "determined", "prepared", "resolved", "pledged", "bound") \
    X(CLAIM_NOUNS, "allegation", "allegations", "accusation", \
      "accusations", "claim", "claims", "charge", "charges", "rumour", \
      "rumours", "rumor", "rumors", "suspicion", "suspicions", \
      "speculation", "assertion", "assertions", "fear", "fears", "hope", \
      "hopes", "belief", "possibility", "prospect", "risk", "danger", \
      "theory", "notion", "impression", "idea") \
    X(UNREAL_NOUNS, "right", "ability", "permission", "authorization", \
      "authorisation", "chance", "opportunity", "need", "refusal", \
      "failure", "mandate") \
    X(DEVICE_NOUNS, "bomb", "bombs", "bombing", "bombings", "explosion", \
      "explosions", "blast", "blasts", "device", "devices", "mine", "mines", \
      "landmine", "landmines", "minefield", "ied", "ieds", "grenade", \
      "grenades", "explosive", "explosives") \
    X(FACILITY_NOUNS, "bridge", "university", "street", "square", \
      "airport", "hospital", "stadium", "hotel", "avenue", "road", \
      "boulevard", "station", "highway", "museum", "prison", "dam", \
      "canal", "tower", "plaza", "college", "school", "mosque", "church", \
      "cathedral", "harbour", "harbor", "market") \
    X(HELD_NOUNS, "base", "bases", "camp", "camps", "stronghold", \
      "strongholds", "position", "positions", "hideout", "hideouts", \
      "outpost", "outposts", "post", "posts", "headquarters", "compound", \
      "compounds", "convoy", "convoys", "checkpoint", "checkpoints", \
      "barracks", "installation", "installations", "depot", "depots", \
      "bunker", "bunkers", "trenches", "lines", "vehicle", "vehicles", \
      "helicopter", "helicopters", "plane", "planes", "aircraft", "jet", \
      "jets", "ship", "ships", "vessel", "vessels", "boat", "boats", \
      "truck", "trucks", "drone", "drones", "patrol", "patrols") \
    X(MIL_HELD_NOUNS, "positions", "base", "bases", \
      "outpost", "outposts", "posts", "trenches", "bunker", \
      "bunkers", "barracks", "garrison", "garrisons", "stronghold", \
      "strongholds", "frontline", "frontlines") \
    X(ATTACK_NOUNS, "attack", "attacks", "bombing", "bombings", "killing", \
      "killings", "shelling", "strike", "strikes", "airstrike", \
      "airstrikes", "raid", "raids", "assault", "massacre", "ambush", \
      "abduction", "kidnapping", "invasion", "incursion", "offensive", \
      "shooting", "assassination") \
    X(GROUP_NOUNS, "group", "movement", "organisation", "organization", \
      "militia", "faction", "alliance", "coalition", "outfit") \
    X(FAILURE_VERBS, "collapse", "collapsed", "collapses", "collapsing", \
      "fail", "failed", "fails", "falter", "faltered", "falters", "stall", \
      "stalled", "stalls", "unravel", "unravelled", "unraveled", \
      "unravels", "broke", "breaks", "crumbled", "crumble", "foundered", \
      "founder", "floundered", "expired", "expire", "expires", "lapsed", \
      "lapse") \
    X(DAY_WORDS, "today", "yesterday", "tomorrow", "tonight", "monday", \
      "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday") \

enum {
#define DY_WC_ENUM(name, ...) WC_##name,
    DY_WORDLISTS(DY_WC_ENUM)
#undef DY_WC_ENUM
    WC_COUNT
};

#endif
