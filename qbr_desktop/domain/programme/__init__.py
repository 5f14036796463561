"""The QBR programme: how each held review went, and whether the portfolio's reviews work.

- `review_health`: the five green / yellow / red indicators of one held review.
- `metrics`: the process and outcome metrics across many reviews, against their targets.
- `cadence_compliance`: reviews held against reviews due, tier by tier.
- `maturity`: the stage of the programme the evidence supports.
- `notes`: every sentence these modules return, as a template with named values.
"""
