# Consent moves from the people app to the interventions app (it is part of the case file).
# Only Django's model state moves: the table stays `people_consent`, with its rows, indexes and
# constraints, so nothing is written to the database.

import django.db.models.deletion
import uuid
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('interventions', '0013_region_of_municipality_and_rejected_referral'),
        ('people', '0005_constraints'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            database_operations=[],
            state_operations=[
        migrations.CreateModel(
            name='Consent',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('uuid', models.UUIDField(default=uuid.uuid4, editable=False, unique=True)),
                ('purpose', models.CharField(choices=[('participation', 'Taking part in the intervention'), ('share_with_referrer', 'Sharing the outcome with the referrer'), ('care_referral', 'Referral to care')], max_length=32, verbose_name='purpose')),
                ('given_on', models.DateField(verbose_name='given on')),
                ('recorded_at', models.DateTimeField(auto_now_add=True, verbose_name='recorded at')),
                ('withdrawn_on', models.DateField(blank=True, null=True, verbose_name='withdrawn on')),
                ('intervention', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='consents', to='interventions.intervention', verbose_name='intervention')),
                ('parent', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='consents', to='people.parent', verbose_name='parent or carer')),
                ('recorded_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='recorded by')),
                ('withdrawn_by', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL, verbose_name='withdrawal recorded by')),
                ('young_person', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.CASCADE, related_name='consents', to='people.youngperson', verbose_name='young person')),
            ],
            options={
                'verbose_name': 'consent',
                'verbose_name_plural': 'consents',
                'db_table': 'people_consent',
                'ordering': ['given_on', 'id'],
                'indexes': [models.Index(fields=['intervention', 'purpose'], name='consent_intervention_purpose')],
                'constraints': [models.CheckConstraint(condition=models.Q(models.Q(('parent__isnull', True), ('young_person__isnull', False)), models.Q(('parent__isnull', False), ('young_person__isnull', True)), _connector='OR'), name='consent_one_person'), models.CheckConstraint(condition=models.Q(('purpose__in', ['participation', 'share_with_referrer', 'care_referral'])), name='consent_purpose_valid'), models.CheckConstraint(condition=models.Q(('withdrawn_on__isnull', True), ('given_on__isnull', True), ('withdrawn_on__gte', models.F('given_on')), _connector='OR'), name='consent_withdrawn_after_given')],
            },
        ),
            ],
        ),
    ]
