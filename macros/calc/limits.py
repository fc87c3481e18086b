"""Limits both runtimes apply. The Python modules read them from here; the build ships
them to the JS in each calculator's spec ("limits", specs.py), so they are written once."""

LIMITS = {
    "text": 2000,  # characters: longer input is not a number, a date or a list we can use
    "years": [1900, 2999],  # planning range; also keeps date arithmetic far from year 9999
    "quote": 40,  # characters of a bad list item quoted back in its message
    "search_days": 3660,  # ten years: a calendar with no working day in sight is an input error
    "table_rows": 366,  # the penalty's per-day table stops here; the totals still count every day
}
# The revenue-share chart's drawing box (SVG units), shipped in its spec's "chart".
CHART_BOX = {"w": 320, "h": 200, "side": 8, "top": 30, "bottom": 30}
