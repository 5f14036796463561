"""The ROI and value calculator tab: value lines, costs, live results, charts and story."""
