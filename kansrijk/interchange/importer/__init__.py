"""Importing an interchange file: all rows or none, every error reported.

One pass over the file inside one transaction (run.py). Valid rows are written in batches
(plain INSERTs, see bulk.py) while the rest of the file is still being checked; once a row
turns out to be invalid the writing stops, the checking goes on (to report every error) and the
transaction is rolled back at the end. Only small per-row state is kept (pending.py): the
references seen and a youth_id → young person map; the file itself is streamed.

The package: run.py (the transaction and what follows a successful import), matching.py (rules
across rows and against the database), places.py (regions, municipalities, schools and
neighbourhoods), writing.py (the records written), bulk.py (the INSERTs, COPY on PostgreSQL).

The records written are those the web app keeps for the same facts (an accepted referral with
its reasons and status history, an intervention with its status history, parent contacts,
restoration actions, care referrals and care reports), so reports can't tell imported
interventions apart.
"""

from .matching import ImportResult
from .run import AUDIT_EVENT, BATCH_SIZE, interventions_import
from .writing import IMPORT_REASON

__all__ = ["AUDIT_EVENT", "BATCH_SIZE", "IMPORT_REASON", "ImportResult", "interventions_import"]
