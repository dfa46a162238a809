"""Kebutuhan Industri: large industries post needs, capable IKM answer with quotes (#21)."""

from sourcing.models.buyers import BuyerCompany, BuyerMember, Sector, companies_of
from sourcing.models.capabilities import Capability, CapabilityProfile
from sourcing.models.match_notifications import MatchNotification
from sourcing.models.quotes import Quote, QuoteAttachment, QuoteMessage, QuoteRevision
from sourcing.models.requests import RequestMatch, SourcingRequest, SpecAttachment

__all__ = [
    "BuyerCompany",
    "BuyerMember",
    "Capability",
    "CapabilityProfile",
    "MatchNotification",
    "Quote",
    "QuoteAttachment",
    "QuoteMessage",
    "QuoteRevision",
    "RequestMatch",
    "Sector",
    "SourcingRequest",
    "SpecAttachment",
    "companies_of",
]
