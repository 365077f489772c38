"""Career data in the database: O*NET occupations and BLS wages, loaded by `cairn data load`.

Rows are replaced wholesale at each load (see loader.py); occupations are updated in place
so that profiles pointing at them keep their choice across data upgrades.
"""

from __future__ import annotations

from django.db import models

# OEWS publishes wages for the states, DC and three territories.
STATE_CHOICES = [
    ("AL", "Alabama"), ("AK", "Alaska"), ("AZ", "Arizona"), ("AR", "Arkansas"),
    ("CA", "California"), ("CO", "Colorado"), ("CT", "Connecticut"), ("DE", "Delaware"),
    ("DC", "District of Columbia"), ("FL", "Florida"), ("GA", "Georgia"), ("GU", "Guam"),
    ("HI", "Hawaii"), ("ID", "Idaho"), ("IL", "Illinois"), ("IN", "Indiana"), ("IA", "Iowa"),
    ("KS", "Kansas"), ("KY", "Kentucky"), ("LA", "Louisiana"), ("ME", "Maine"),
    ("MD", "Maryland"), ("MA", "Massachusetts"), ("MI", "Michigan"), ("MN", "Minnesota"),
    ("MS", "Mississippi"), ("MO", "Missouri"), ("MT", "Montana"), ("NE", "Nebraska"),
    ("NV", "Nevada"), ("NH", "New Hampshire"), ("NJ", "New Jersey"), ("NM", "New Mexico"),
    ("NY", "New York"), ("NC", "North Carolina"), ("ND", "North Dakota"), ("OH", "Ohio"),
    ("OK", "Oklahoma"), ("OR", "Oregon"), ("PA", "Pennsylvania"), ("PR", "Puerto Rico"),
    ("RI", "Rhode Island"), ("SC", "South Carolina"), ("SD", "South Dakota"),
    ("TN", "Tennessee"), ("TX", "Texas"), ("UT", "Utah"), ("VT", "Vermont"),
    ("VI", "Virgin Islands"), ("VA", "Virginia"), ("WA", "Washington"),
    ("WV", "West Virginia"), ("WI", "Wisconsin"), ("WY", "Wyoming"),
]  # fmt: skip
NATIONAL = "US"


class DataVersion(models.Model):
    """Which release of the packaged data is in the database (one row, or none)."""

    version = models.CharField(max_length=100)
    attribution = models.TextField(blank=True)
    job_zones = models.JSONField(default=dict)  # "1" -> "Job Zone One: Little or No ..."
    experience_categories = models.JSONField(default=dict)  # "1" -> "None", "11" -> ...
    loaded_at = models.DateTimeField()

    def __str__(self) -> str:
        return self.version


class Occupation(models.Model):
    code = models.CharField(max_length=10, primary_key=True)  # O*NET-SOC, e.g. 15-1252.00
    title = models.CharField(max_length=200)
    description = models.TextField(blank=True)
    job_zone = models.PositiveSmallIntegerField(null=True, blank=True)
    # National figures, copied from the US Wage row for quick lists; null when BLS has none.
    employment = models.PositiveIntegerField(null=True, blank=True)
    median_wage = models.PositiveIntegerField(null=True, blank=True)
    hourly_median = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)
    wage_source = models.CharField(max_length=40, blank=True)  # "exact" or "aggregate:13-1020"

    class Meta:
        ordering = ["title"]

    def __str__(self) -> str:
        return self.title


class AltTitle(models.Model):
    """A job title people use, pointing at its occupation ("RN" -> Registered Nurses)."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="titles")
    title = models.CharField(max_length=250)
    normalised = models.CharField(max_length=250, db_index=True)

    def __str__(self) -> str:
        return self.title


class ElementScore(models.Model):
    """How important a skill or knowledge area is in an occupation (O*NET IM scale, 1-5)."""

    class Kind(models.TextChoices):
        SKILL = "skill"
        KNOWLEDGE = "knowledge"

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="scores")
    element = models.CharField(max_length=20)  # O*NET element id, e.g. 2.B.3.e
    name = models.CharField(max_length=150)
    kind = models.CharField(max_length=10, choices=Kind.choices)
    importance = models.FloatField()

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["occupation", "element"], name="element_once")
        ]

    def __str__(self) -> str:
        return f"{self.name}: {self.importance}"


class Technology(models.Model):
    occupation = models.ForeignKey(
        Occupation, on_delete=models.CASCADE, related_name="technologies"
    )
    example = models.CharField(max_length=250)
    hot = models.BooleanField(default=False)
    in_demand = models.BooleanField(default=False)

    def __str__(self) -> str:
        return self.example


class RelatedOccupation(models.Model):
    class Tier(models.TextChoices):
        PRIMARY_SHORT = "Primary-Short", "closely related"
        PRIMARY_LONG = "Primary-Long", "related"
        SUPPLEMENTAL = "Supplemental", "more distantly related"

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="related")
    related = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="+")
    tier = models.CharField(max_length=20)
    rank = models.PositiveSmallIntegerField()  # O*NET's index, 1 = most related

    class Meta:
        ordering = ["occupation", "rank"]

    def __str__(self) -> str:
        return f"{self.occupation_id} -> {self.related_id} ({self.tier})"


class Wage(models.Model):
    """BLS OEWS May wages, annual dollars; any figure may be missing (BLS left it empty)."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="wages")
    area = models.CharField(max_length=2)  # "US" or a state's postal code
    employment = models.PositiveIntegerField(null=True, blank=True)
    mean = models.PositiveIntegerField(null=True, blank=True)
    p10 = models.PositiveIntegerField(null=True, blank=True)
    p25 = models.PositiveIntegerField(null=True, blank=True)
    p50 = models.PositiveIntegerField(null=True, blank=True)
    p75 = models.PositiveIntegerField(null=True, blank=True)
    p90 = models.PositiveIntegerField(null=True, blank=True)
    hourly_median = models.DecimalField(max_digits=8, decimal_places=2, null=True, blank=True)

    class Meta:
        constraints = [models.UniqueConstraint(fields=["occupation", "area"], name="wage_once")]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.area}: {self.p50}"


class ExperienceShare(models.Model):
    """Share of workers reporting each level of related work experience (O*NET RW)."""

    occupation = models.ForeignKey(Occupation, on_delete=models.CASCADE, related_name="experience")
    category = models.PositiveSmallIntegerField()  # 1 none .. 11 over 10 years
    pct = models.FloatField()

    class Meta:
        ordering = ["occupation", "category"]
        constraints = [
            models.UniqueConstraint(fields=["occupation", "category"], name="experience_once")
        ]

    def __str__(self) -> str:
        return f"{self.occupation_id} {self.category}: {self.pct}%"
