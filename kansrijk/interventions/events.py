"""What the interventions app tells the apps above it, without importing them.

Apps higher in the layers (docs/architecture.md) react to these signals; the interventions
app never imports them. Receivers run synchronously, inside the sending service's
transaction, so whatever they write commits or rolls back with the step itself.
"""

from django.dispatch import Signal

# Sent when an intervention is completed or stopped early (not when it never started):
# keyword arguments `intervention` and `by` (the user who ended it).
intervention_ended = Signal()
