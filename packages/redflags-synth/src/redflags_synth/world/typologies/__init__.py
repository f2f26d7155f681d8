"""Typologies: parameterised generators of trafficking networks and hard negatives.

`TYPOLOGIES` runs in this fixed order (ids come from shared counters, so the order is part of
what a seed means): the positives first, then the look-alikes that must not become cases.
"""

from redflags_synth.world.typologies.base import Typology
from redflags_synth.world.typologies.hn_housing import (
    FamilySharedAddress,
    ShelterDormitory,
    StudentsSharedAddress,
)
from redflags_synth.world.typologies.hn_payments import (
    FleaMarketLandlord,
    Hotel,
    SportsClub,
    TravelAgency,
)
from redflags_synth.world.typologies.hn_sex_work import (
    IndependentSexWorker,
    LegitimateAgencyEmployer,
)
from redflags_synth.world.typologies.labour import LabourExploitation
from redflags_synth.world.typologies.scam import ScamCompoundRecruitment
from redflags_synth.world.typologies.sexual import Case1SexualExploitation

TYPOLOGIES: list[Typology] = [
    Case1SexualExploitation(),
    LabourExploitation(),
    ScamCompoundRecruitment(),
    IndependentSexWorker(),
    LegitimateAgencyEmployer(),
    FamilySharedAddress(),
    StudentsSharedAddress(),
    ShelterDormitory(),
    SportsClub(),
    FleaMarketLandlord(),
    TravelAgency(),
    Hotel(),
]

__all__ = ["TYPOLOGIES", "Typology"]
