"""The region of a evaluation is the region of its municipality, on PostgreSQL only: a composite
foreign key (municipality_id, region_id) → municipality (id, region_id), on the unique
constraint organisations 0003 added. ON UPDATE CASCADE: moving a municipality to another
region moves its evaluations along. SQLite goes without (kansrijk/core/constraints.py says why).

The existing rows were made consistent by the fill migration before; adding the key checks
them all.
"""

from django.db import migrations

from kansrijk.core.constraints import PostgresSQL

UP = """
ALTER TABLE evaluations_evaluation
    ADD CONSTRAINT evaluation_region_of_municipality
    FOREIGN KEY (municipality_id, region_id)
    REFERENCES organisations_municipality (id, region_id)
    ON UPDATE CASCADE;
"""
DOWN = """
ALTER TABLE evaluations_evaluation DROP CONSTRAINT IF EXISTS evaluation_region_of_municipality;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("evaluations", "0003_constraints"),
        ("organisations", "0003_constraints"),
    ]

    operations = [PostgresSQL(UP, DOWN, elidable=False)]
