"""Weighted vocabularies for the demo caseload (synthetic people only)."""

from __future__ import annotations

TEAMS = ("North", "East", "South", "West")

# Roughly the national mix of primary needs among EHC plans (SEN2).
NEED_WEIGHTS = {
    "ASD": 33,
    "SLCN": 21,
    "SEMH": 14,
    "MLD": 9,
    "SLD": 7,
    "SPLD": 4,
    "PD": 3,
    "PMLD": 1.5,
    "HI": 1.5,
    "VI": 0.7,
    "MSI": 0.3,
    "OTH": 3,
}

LANGUAGES = {
    "English": 84,
    "Polish": 2.5,
    "Urdu": 2.5,
    "Punjabi": 1.5,
    "Bengali": 1.5,
    "Romanian": 1.5,
    "Arabic": 1.5,
    "Somali": 1,
    "Portuguese": 1,
    "Welsh": 0.5,
    "Gujarati": 0.5,
    "Lithuanian": 0.5,
    "Tigrinya": 0.5,
    "Kurdish": 0.5,
}

PLACING_AUTHORITIES = (
    "Northshire County Council",
    "Riverton City Council",
    "Eastmoor Borough Council",
    "Westvale Council",
    "Southport Metropolitan Borough",
)

PLACE_WORDS = (
    "Ashford",
    "Beckett",
    "Brookfield",
    "Castleton",
    "Dalebrook",
    "Elmwood",
    "Fairfield",
    "Greenacre",
    "Hillcrest",
    "Kingsmead",
    "Lakeside",
    "Longmoor",
    "Meadowbank",
    "Millbrook",
    "Northgate",
    "Oakfield",
    "Parkside",
    "Queensway",
    "Redhill",
    "Riverside",
    "Rosewood",
    "Southfields",
    "Stonebridge",
    "Thornbury",
    "Valley Road",
    "Westbrook",
    "Willow Green",
    "Woodlands",
    "Highfield",
    "Moorside",
    "Eastfield",
    "Church Lane",
    "Hawthorn",
    "Larkrise",
)

STREET_KINDS = ("Road", "Street", "Close", "Avenue", "Lane", "Drive", "Way", "Crescent", "Grove")
# Invented towns: no real address is ever generated.
TOWNS = (
    "Northwold",
    "Eastmere",
    "Southbrook",
    "Westholme",
    "Ashby Vale",
    "Kingsbridge Moor",
    "Little Haxby",
    "Fenwick Green",
    "Oldcastle",
    "Marshfield Cross",
)

# (phase, name pattern, share of settings)
SETTING_KINDS = (
    ("early_years", "{place} Nursery", 8),
    ("infant", "{place} Infant School", 6),
    ("junior", "{place} Junior School", 5),
    ("primary", "{place} Primary School", 38),
    ("primary", "St {saint}'s Church of England Primary School", 8),
    ("secondary", "{place} Academy", 14),
    ("secondary", "{place} High School", 8),
    ("special", "{place} Special School", 6),
    ("post16", "{place} College", 5),
    ("alternative_provision", "{place} Learning Centre", 2),
)
SAINTS = ("Mary", "John", "Peter", "Anne", "Michael", "Paul", "Andrew", "Margaret", "Luke")

ADVISERS = ("educational_psychology", "health", "social_care", "school")

# (scenario, weight): how the demo spreads children over the stages of casework.
SCENARIO_WEIGHTS = {
    "new_request": 5,
    "assessment": 8,
    "not_assessed": 2,
    "not_issued": 1,
    "draft_plan": 3,
    "plan": 62,
    "review_in_progress": 7,
    "amendment": 5,
    "transfer_in": 2,
    "appeal": 3,
    "ceased": 2,
}
