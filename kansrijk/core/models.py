from django.db import models, transaction


class ReferenceCounter(models.Model):
    """Yearly counters behind human-readable references such as HLT-2025-000123."""

    prefix = models.CharField(max_length=8)
    year = models.PositiveSmallIntegerField()
    last = models.PositiveIntegerField(default=0)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["prefix", "year"], name="reference_counter_unique")]

    @classmethod
    def next_reference(cls, prefix: str, year: int) -> str:
        """The next free reference; safe under concurrent use (row lock on PostgreSQL)."""
        with transaction.atomic():
            counter, _ = cls.objects.select_for_update().get_or_create(prefix=prefix, year=year)
            counter.last += 1
            counter.save(update_fields=["last"])
        return f"{prefix}-{year}-{counter.last:06d}"


class Submission(models.Model):
    """A POST that carried a one-time key, and what it answered (core/once.py).

    The key is a form's one-time token or an API call's `Idempotency-Key`; `scope` says whose
    keys it is among ("user:12", "api:3"). The row is written in the transaction of what the
    POST creates or changes, so the unique constraint lets exactly one of two POSTs with the
    same key through; the other gets the answer stored here. Rows older than a day are purged
    by the retention run (`Submission.expired`).
    """

    scope = models.CharField(max_length=40)
    key = models.CharField(max_length=255)
    # SHA-256 of what an API call sent, to tell a repeat from a different call under the same key.
    fingerprint = models.CharField(max_length=64, blank=True)
    # The first answer: where a form's answer led (a redirect), or an API call's status and body.
    location = models.CharField(max_length=2000, blank=True)
    status = models.PositiveSmallIntegerField(null=True, blank=True)
    body = models.TextField(blank=True)
    created_at = models.DateTimeField(db_index=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["scope", "key"], name="submission_unique_key")]

    def __str__(self) -> str:
        return f"{self.scope} {self.key}"
