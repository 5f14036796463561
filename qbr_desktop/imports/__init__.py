"""Reading CRM and usage exports (CSV, XLSX) into checked records, before anything is stored."""
