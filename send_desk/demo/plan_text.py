"""The words of the demo's EHC plans: needs, outcomes and provision by SEN2 area.

Plain, respectful English about made-up children; ``{child}`` is the name the child
uses. Each area has a need (at least ten words, as the checker asks), outcomes that
can be seen happen, and provision that says what, who, how often and for how long.
The faults a minority of plans carry (the ones supervisors find: hedged provision, a
missing duration) are here too, as data, so the plan audits have something to show.
"""

from __future__ import annotations

# area: (the need, [outcomes], [(what, who, frequency, duration, group)])
AREAS: dict[str, tuple[str, tuple[str, ...], tuple[tuple[str, str, str, str, str], ...]]] = {
    "ASD": (
        "{child} finds changes to the day hard and can become upset when plans change "
        "without warning. Busy, noisy rooms make it hard to listen and join in.",
        (
            "{child} will use a visual timetable to move between lessons without an adult "
            "on four days out of five.",
            "{child} will ask an adult for a break using a card at least twice a day.",
        ),
        (
            (
                "A visual timetable checked with {child} at the start of each lesson",
                "teaching assistant trained in autism",
                "every lesson",
                "5 minutes",
                "one to one",
            ),
            (
                "Social communication group to practise turn-taking and talking about feelings",
                "specialist teacher for autism",
                "1 session a week",
                "45 minutes",
                "small group of 4",
            ),
        ),
    ),
    "SLCN": (
        "{child} understands short instructions but loses track of longer ones. "
        "{child} finds it hard to find the right words and to tell a story in order.",
        (
            "{child} will follow a two-step instruction in class without help on four out of "
            "five tries.",
            "{child} will retell a short story in the right order using three picture cards.",
        ),
        (
            (
                "Speech and language therapy programme on understanding and vocabulary",
                "speech and language therapist",
                "1 session every 2 weeks",
                "30 minutes",
                "one to one",
            ),
            (
                "Daily practice of the therapy programme",
                "teaching assistant trained by the speech and language therapist",
                "daily",
                "15 minutes",
                "one to one",
            ),
        ),
    ),
    "SEMH": (
        "{child} feels anxious in school and can leave the classroom when worried. "
        "{child} finds it hard to talk about feelings and to calm down after a fall-out.",
        (
            "{child} will stay in class for the whole lesson in four out of five lessons.",
            "{child} will name a feeling and choose a calming activity without prompting "
            "three times a week.",
        ),
        (
            (
                "Check-in with a trusted adult at the start of the day",
                "key adult",
                "daily",
                "10 minutes",
                "one to one",
            ),
            (
                "Emotional literacy sessions on naming feelings and calming down",
                "emotional literacy support assistant",
                "1 session a week",
                "40 minutes",
                "one to one",
            ),
        ),
    ),
    "MLD": (
        "{child} learns new things more slowly than others of the same age and needs "
        "ideas broken into small steps, with lots of practice, to remember them.",
        (
            "{child} will read and spell 50 common words correctly.",
            "{child} will add and take away numbers up to 20 using a number line.",
        ),
        (
            (
                "Small-group reading and spelling programme",
                "teaching assistant trained in the programme",
                "3 sessions a week",
                "30 minutes",
                "small group of 4",
            ),
            (
                "Maths support with objects and number lines",
                "class teacher",
                "2 sessions a week",
                "20 minutes",
                "small group of 6",
            ),
        ),
    ),
    "SLD": (
        "{child} is working well below the level of others of the same age and needs "
        "an adult nearby to learn, to stay safe and to look after personal care.",
        (
            "{child} will choose between two activities by pointing or signing every day.",
            "{child} will wash and dry hands with one spoken prompt before lunch.",
        ),
        (
            (
                "A curriculum taught in small steps with signs and symbols",
                "special school teacher",
                "every school day",
                "the whole school day",
                "class of 8",
            ),
            (
                "Personal care and independence programme",
                "teaching assistant",
                "daily",
                "20 minutes",
                "one to one",
            ),
        ),
    ),
    "SPLD": (
        "{child} has dyslexia: reading is slow and spelling is hard, so written work "
        "takes much longer and {child} tires quickly.",
        (
            "{child} will read a page of a book at their level aloud with fewer than five "
            "mistakes.",
            "{child} will type a piece of writing of 200 words using a laptop.",
        ),
        (
            (
                "Structured phonics and spelling programme",
                "specialist teacher for dyslexia",
                "2 sessions a week",
                "30 minutes",
                "one to one",
            ),
            (
                "Touch-typing lessons and use of a laptop in class",
                "teaching assistant",
                "1 session a week",
                "20 minutes",
                "one to one",
            ),
        ),
    ),
    "PD": (
        "{child} uses a wheelchair and has weak hands, so writing, getting around school "
        "and getting changed for sport take help and extra time.",
        (
            "{child} will move between classrooms in the wheelchair on their own.",
            "{child} will write a sentence using a pencil grip and a sloped board.",
        ),
        (
            (
                "Physiotherapy programme to build strength",
                "teaching assistant trained by the physiotherapist",
                "3 sessions a week",
                "20 minutes",
                "one to one",
            ),
            (
                "Help with moving around school and with personal care",
                "teaching assistant",
                "every school day",
                "the whole school day",
                "one to one",
            ),
        ),
    ),
    "PMLD": (
        "{child} has profound learning difficulties and a physical disability, and "
        "needs an adult for all care and to take part in every activity.",
        (
            "{child} will show a choice by looking at one of two objects on most days.",
            "{child} will hold a sensory toy for one minute during group time.",
        ),
        (
            (
                "A sensory curriculum with objects of reference",
                "special school teacher",
                "every school day",
                "the whole school day",
                "class of 6",
            ),
            (
                "Postural care and positioning programme",
                "teaching assistant trained by the physiotherapist",
                "daily",
                "30 minutes",
                "one to one",
            ),
        ),
    ),
    "HI": (
        "{child} is deaf in both ears and wears hearing aids; {child} misses what is "
        "said in noisy rooms and when people talk at once.",
        (
            "{child} will check and change hearing aid batteries on their own each morning.",
            "{child} will ask for something to be repeated when they have missed it in "
            "three lessons a week.",
        ),
        (
            (
                "Teaching and advice from a qualified teacher of the deaf",
                "qualified teacher of the deaf",
                "1 visit every 2 weeks",
                "1 hour",
                "one to one",
            ),
            (
                "Use of a radio aid in every lesson and a daily hearing aid check",
                "teaching assistant",
                "daily",
                "10 minutes",
                "one to one",
            ),
        ),
    ),
    "VI": (
        "{child} has very little sight and needs print enlarged, things described out "
        "loud and help to learn routes around school.",
        (
            "{child} will read text on a tablet with the screen enlarged in every lesson.",
            "{child} will walk from class to the dining hall on their own using a cane.",
        ),
        (
            (
                "Teaching and advice from a qualified teacher of vision impairment",
                "qualified teacher of vision impairment",
                "1 visit every 2 weeks",
                "1 hour",
                "one to one",
            ),
            (
                "Mobility and route training",
                "habilitation specialist",
                "1 session a week",
                "45 minutes",
                "one to one",
            ),
        ),
    ),
    "MSI": (
        "{child} has both sight and hearing loss and needs touch, signs and objects "
        "to understand what is happening and what comes next.",
        (
            "{child} will use five objects of reference to show what comes next in the day.",
            "{child} will greet a familiar adult using a hand sign every morning.",
        ),
        (
            (
                "Teaching through touch and signs",
                "intervenor trained in multi-sensory impairment",
                "every school day",
                "the whole school day",
                "one to one",
            ),
            (
                "Advice and training for staff",
                "specialist teacher for multi-sensory impairment",
                "1 visit a month",
                "2 hours",
                "staff group",
            ),
        ),
    ),
    "OTH": (
        "{child} has a rare condition that affects attention and memory, and tires "
        "quickly, so a full day of lessons is hard to manage.",
        (
            "{child} will complete a 20 minute task with one short break.",
            "{child} will use a checklist to pack their bag at the end of each day.",
        ),
        (
            (
                "Short rest breaks planned into the timetable",
                "class teacher",
                "2 times a day",
                "10 minutes",
                "one to one",
            ),
            (
                "Memory and organisation sessions",
                "teaching assistant",
                "2 sessions a week",
                "20 minutes",
                "small group of 4",
            ),
        ),
    ),
}

# Preparing for adulthood (from Year 9): outcome and the provision that serves it.
PFA = (
    (
        "{child} will travel to school on the bus with an adult nearby three days a week.",
        (
            "Travel training on the bus route to school",
            "travel trainer",
            "1 session a week",
            "1 hour",
            "one to one",
        ),
    ),
    (
        "{child} will take part in a work experience placement for one week and say what "
        "they enjoyed.",
        (
            "Careers guidance and a supported work experience placement",
            "careers adviser",
            "1 session a term",
            "1 hour",
            "one to one",
        ),
    ),
    (
        "{child} will plan and cook a simple meal once a week.",
        (
            "Independent living skills lessons",
            "teaching assistant",
            "1 session a week",
            "1 hour",
            "small group of 4",
        ),
    ),
)

# The faults a minority of plans have, by the text they put in a provision.
HEDGED_FREQUENCY = "as required"
HEDGED_WHAT = "Access to a quiet space when {child} feels upset"

CHILD_VIEWS = (
    "I like drawing and playing football at break. I don't like it when the hall is "
    "noisy. I want help with reading so I can read comics.",
    "I like my teacher and my friend in class. Lunchtime is hard because it is loud. "
    "I want to go to the park club after school.",
    "I am good at building with Lego. Writing makes my hand hurt. I would like more "
    "time on the computer.",
    "I like music and swimming. I get worried when we have a new teacher. I want "
    "someone to tell me what is happening next.",
)
YOUNG_PERSON_VIEWS = (
    "I want to go to college and work with animals. I need help with money and with "
    "getting the bus on my own.",
    "I like computers and gaming. I would like a job in an office one day. Busy places "
    "still make me nervous.",
)
PARENT_VIEWS = (
    "We are proud of how hard {child} tries. Mornings are hard, and {child} is very "
    "tired after school. We would like school to tell us each week how things went.",
    "{child} is kind and funny at home. We worry that {child} is falling behind with "
    "reading. We want the same adults to work with {child} every day.",
    "{child} has come a long way this year. We would like help at home with sleep and "
    "with getting ready for school.",
)
ASPIRATIONS = (
    "{child} would like to have friends to play with and to read on their own.",
    "{child} hopes to go to college and to live with friends one day.",
    "{child} wants to be a vet, and the family want {child} to be happy and confident.",
)

# Health needs (Section C) and their provision (Section G), for some children.
HEALTH = (
    (
        "{child} has epilepsy which is controlled by daily medicine; staff need to know "
        "what to do if a seizure happens.",
        (
            "A health care plan for seizures, with staff trained to follow it",
            "school nurse",
            "1 training session a year",
            "2 hours",
            "school staff",
        ),
    ),
    (
        "{child} has asthma and needs an inhaler before sport and when breathing is hard.",
        (
            "Help to use the inhaler before sport, as the health care plan says",
            "trained member of staff",
            "2 times a week",
            "5 minutes",
            "one to one",
        ),
    ),
)
NO_HEALTH = "{child} has no health needs related to their special educational needs."
NO_HEALTH_PROVISION = "No health provision is needed."
SOCIAL_CARE = (
    "{child}'s family need a break from caring at weekends, as {child} needs an adult "
    "with them all the time.",
    (
        "Short breaks at a local play scheme",
        "short breaks team",
        "1 day a month",
        "6 hours",
        "small group",
    ),
)
NO_SOCIAL_CARE = "{child} has no social care needs related to their special educational needs."
NO_SOCIAL_CARE_PROVISION = "No social care provision is needed."
NO_CSDPA_PROVISION = (
    "No provision under section 2 of the Chronically Sick and Disabled Persons Act 1970."
)

BUDGET_COVERS = "Transport to and from the short breaks scheme, paid to the family."

PLACEMENT_TYPES = {
    "early_years": "Early years setting",
    "infant": "Mainstream infant school",
    "primary": "Mainstream primary school",
    "junior": "Mainstream junior school",
    "secondary": "Mainstream secondary school",
    "special": "Special school",
    "post16": "Further education college",
}

AMENDMENT_REASONS = (
    "The annual review found {child}'s needs have changed: the outcomes and provision are updated.",
    "{child} is moving to the next phase of education: the plan is updated for the new school.",
    "New advice from the speech and language therapist changes the provision in Section F.",
)

AUDIT_ACTIONS = (
    "Take out 'as required' in Section F: say how often and for how long.",
    "Add a provision in Section F for every need in Section B.",
    "List all the advice received in Section K.",
)
