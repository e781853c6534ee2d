"""Two invariants Django's constraints cannot express, on PostgreSQL only (SQLite in
development and in the default test run goes without them; CI runs the suite on PostgreSQL).

- The region of an intervention is the region of its municipality: a composite foreign key
  (municipality_id, region_id) → municipality (id, region_id), on the unique constraint
  organisations 0003 added. ON UPDATE CASCADE: moving a municipality to another region moves
  its interventions along, as it moves their access.
- A rejected referral never has an intervention (docs/process.md §2.1: accepting creates the
  intervention; accepted and rejected are final): a trigger on each side. The intervention's
  side takes a share lock on the referral, so a concurrent rejection waits for it and then
  sees the intervention.

The existing rows were made consistent by 0011; adding the key checks them all.
"""

from django.db import migrations

from kansrijk.core.constraints import PostgresSQL

REGION_UP = """
ALTER TABLE interventions_intervention
    ADD CONSTRAINT intervention_region_of_municipality
    FOREIGN KEY (municipality_id, region_id)
    REFERENCES organisations_municipality (id, region_id)
    ON UPDATE CASCADE;
"""
REGION_DOWN = """
ALTER TABLE interventions_intervention DROP CONSTRAINT IF EXISTS intervention_region_of_municipality;
"""

REJECTED_UP = """
CREATE FUNCTION interventions_intervention_refuse_rejected_referral() RETURNS trigger AS $$
BEGIN
    PERFORM 1 FROM referrals_referral
        WHERE id = NEW.referral_id AND status = 'rejected' FOR SHARE;
    IF FOUND THEN
        RAISE EXCEPTION 'intervention_referral_not_rejected: referral % is rejected and cannot have an intervention', NEW.referral_id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'intervention_referral_not_rejected';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER intervention_referral_not_rejected
    BEFORE INSERT OR UPDATE OF referral_id ON interventions_intervention
    FOR EACH ROW EXECUTE FUNCTION interventions_intervention_refuse_rejected_referral();

CREATE FUNCTION referrals_referral_refuse_rejecting_accepted() RETURNS trigger AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM interventions_intervention WHERE referral_id = NEW.id) THEN
        RAISE EXCEPTION 'referral_rejected_has_no_intervention: referral % has an intervention and cannot be rejected', NEW.id
            USING ERRCODE = 'check_violation', CONSTRAINT = 'referral_rejected_has_no_intervention';
    END IF;
    RETURN NEW;
END;
$$ LANGUAGE plpgsql;
CREATE TRIGGER referral_rejected_has_no_intervention
    BEFORE UPDATE OF status ON referrals_referral
    FOR EACH ROW WHEN (NEW.status = 'rejected')
    EXECUTE FUNCTION referrals_referral_refuse_rejecting_accepted();
"""
REJECTED_DOWN = """
DROP TRIGGER IF EXISTS referral_rejected_has_no_intervention ON referrals_referral;
DROP FUNCTION IF EXISTS referrals_referral_refuse_rejecting_accepted();
DROP TRIGGER IF EXISTS intervention_referral_not_rejected ON interventions_intervention;
DROP FUNCTION IF EXISTS interventions_intervention_refuse_rejected_referral();
"""

# Existing rows: a rejected referral with an intervention cannot be put right by a rule (which
# of the two is wrong?), so the migration stops and names them.
CHECK_EXISTING = """
DO $$
DECLARE
    bad text;
BEGIN
    SELECT string_agg(r.reference, ', ') INTO bad
        FROM referrals_referral r JOIN interventions_intervention i ON i.referral_id = r.id
        WHERE r.status = 'rejected';
    IF bad IS NOT NULL THEN
        RAISE EXCEPTION 'rejected referrals with an intervention: %; decide per file first', bad;
    END IF;
END;
$$;
"""


class Migration(migrations.Migration):
    dependencies = [
        ("interventions", "0012_constraints"),
        ("organisations", "0003_constraints"),
        ("referrals", "0004_constraints"),
    ]

    operations = [
        PostgresSQL(REGION_UP, REGION_DOWN, elidable=False),
        PostgresSQL(CHECK_EXISTING, migrations.RunSQL.noop, elidable=False),
        PostgresSQL(REJECTED_UP, REJECTED_DOWN, elidable=False),
    ]
