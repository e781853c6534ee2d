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
