from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("trajectories", "0003_allocation_rounds"),
    ]

    operations = [
        migrations.AddField(
            model_name="intake",
            name="own_words",
            field=models.TextField(blank=True, verbose_name="in their own words"),
        ),
    ]
