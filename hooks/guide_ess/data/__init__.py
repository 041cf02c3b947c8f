"""Case studies as data: a spreadsheet of rows comes in (``rows``), open data goes out (``opendata``).

- ``columns``: the columns of the table, from the case record's fields and the case kind's sections;
- ``cells``: what a cell holds (text, number, date, formula, merged) and how it becomes text;
- ``sheets``: reading ODS, XLSX and CSV files into cells;
- ``rows``: each row checked as a page by the core (:func:`guide_ess.kinds.load`), then written;
- ``opendata``: the CSV, JSON and Table Schema published at every build;
- ``template``: the template spreadsheet (ODS and XLSX), with its drop-down lists.
"""
