"""Parameters of the financial detector kinds (`detectors/fin_*.py`, `p2p_receiver_profile.py`).

Amounts are in the run's currency; `currency`, where an indicator writes it, names the unit its
amounts were set in (documentation: no detector converts)."""

from __future__ import annotations

from redflags.catalogue.params.base import DetectorParams, params_for


@params_for("ad_site_payments")
class AdSitePaymentsParams(DetectorParams):
    merchant_list: str
    window_days: int
    min_payments: int
    min_identical_payments: int
    monthly_spend_above: float
    currency: str | None = None


@params_for("prepaid_topups")
class PrepaidTopupsParams(DetectorParams):
    merchant_list: str
    window_days: int
    min_topups: int
    min_distinct_numbers: int
    min_card_loads: int
    card_categories: tuple[str, ...]  # categories that are a prepaid card load, not a phone top-up


@params_for("crypto_small_repeated")
class CryptoSmallRepeatedParams(DetectorParams):
    merchant_list: str
    window_days: int
    min_similar_purchases: int
    max_small_amount: float
    amount_tolerance: float
    # documents the rule; not read by the detector (no darknet-exposure data)
    flag_any_darknet_exposure: bool | None = None


@params_for("rideshare_volume")
class RideshareVolumeParams(DetectorParams):
    trips_per_month_above: int
    min_night_share: float
    night_start_hour: int
    night_end_hour: int
    explained_occupations: tuple[str, ...] = ()  # occupations that explain night trips (none: none)


@params_for("luxury_gambling")
class LuxuryGamblingParams(DetectorParams):
    gambling_luxury_share_above: float
    require_no_salary: bool
    min_monthly_gambling_luxury: float
    min_monthly_payments: int
    income_memos: tuple[str, ...] = ()  # transfer memos that are salary-like income (none: none)


@params_for("after_hours_cash")
class AfterHoursCashParams(DetectorParams):
    window_days: int
    night_start_hour: int
    night_end_hour: int
    min_night_card_share: float
    min_monthly_card_sales: int
    min_night_atm_deposits: int
    deposit_channels: tuple[str, ...]
    # documents the rule; not read by the detector (it reads the register's trade instead)
    merchant_trades: tuple[str, ...] | None = None


@params_for("threshold_avoid")
class ThresholdAvoidParams(DetectorParams):
    window_days: int
    min_transactions: int
    max_below_threshold_share: float
    thresholds: tuple[float, ...]
    deposit_channels: tuple[str, ...]
    transfer_channels: tuple[str, ...]
    wage_memos: tuple[
        str, ...
    ] = ()  # memos of transfers that are wages, not avoidance (none: none)
    currency: str | None = None


@params_for("multi_atm_deposits")
class MultiAtmDepositsParams(DetectorParams):
    window_days: int
    min_deposit_cities: int
    typical_deposit_min: float
    typical_deposit_max: float
    deposit_channels: tuple[str, ...]
    # documents the rule; not read by the detector
    withdrawal_within_hours: int | None = None
    currency: str | None = None


@params_for("business_no_payroll")
class BusinessNoPayrollParams(DetectorParams):
    annual_revenue_above: float
    payroll_share_below: float
    min_days: int
    sole_trader_revenue_above: float
    payroll_memos: tuple[str, ...]
    payroll_payees: tuple[str, ...]
    cash_channels: tuple[str, ...]
    min_monthly_cash: float
    min_cash_months: int
    currency: str | None = None


@params_for("front_massage")
class FrontMassageParams(DetectorParams):
    trade_codes: tuple[str, ...]
    min_evening_share: float
    evening_start_hour: int
    evening_end_hour: int
    min_payments: int
    min_owner_p2p_share: float
    owner_channels: tuple[str, ...]


@params_for("fan_in_from_workers")
class FanInFromWorkersParams(DetectorParams):
    channels: tuple[str, ...]
    min_months_per_sender: int
    min_senders: int
    min_new_senders: int
    min_new_share: float
    new_customer_days: int


@params_for("geo_circuit")
class GeoCircuitParams(DetectorParams):
    window_days: int
    min_municipalities: int
    min_repeat_cycles: int
    min_new_towns: int
    min_away_share: float
    min_away_payments: int
    home_country: str
    travelling_occupations: tuple[str, ...] = ()  # occupations that explain travel (none: none)


@params_for("no_own_living_costs")
class NoOwnLivingCostsParams(DetectorParams):
    min_monthly_inflow: float
    essential_share_below: float
    min_months: int
    pass_through_share: float
    merchant_list: str
    segment: str
    essential_memos: tuple[str, ...]
    currency: str | None = None


@params_for("debt_remittance")
class DebtRemittanceParams(DetectorParams):
    max_customer_age_days: int
    min_transfers_per_month: int
    min_other_senders: int
    home_country: str
    channels: tuple[str, ...]


@params_for("sustenance_multi")
class SustenanceMultiParams(DetectorParams):
    categories: tuple[str, ...] = ()  # merchant groups counted as sustenance (none: nothing flags)
    min_peer_median_ratio: float
    age_band_years: int
    income_band_width: float
    min_peers: int
    min_monthly_spend: float
    reference_monthly_median: float
    min_months: int
    # documents the rule (peers share an age and an income band); not read by the detector
    peer_group: tuple[str, ...] | None = None


@params_for("travel_for_others")
class TravelForOthersParams(DetectorParams):
    window_days: int
    min_passenger_names: int


@params_for("hotel_short_stays")
class HotelShortStaysParams(DetectorParams):
    window_days: int
    min_bookings: int
    min_cities: int


class WageParams(DetectorParams):
    salary_pattern: str  # a regular expression over the lower-cased memo
    outflow_channels: tuple[str, ...]
    min_workers_per_agent: int
    min_agent_payer_share: float


@params_for("wages_pooled")
class WagesPooledParams(WageParams):
    pooled_within_hours: int
    min_employees_per_account: int
    return_within_hours: int
    min_returned_share: float
    # documents the rule; not read by the detector (the hour windows above are what it uses)
    window_days: int | None = None


@params_for("recruit_fee_deductions")
class RecruitFeeDeductionsParams(WageParams):
    follow_days: int
    min_wage_share: float
    min_months: int


@params_for("worker_sweep")
class WorkerSweepParams(DetectorParams):
    min_outflow_share: float
    outflow_within_hours: int
    max_counterparties: int
    month_end_balance_share_below: float
    min_months: int
    min_payments_in: int
    min_monthly_inflow: float
    inflow_channels: tuple[str, ...]
    outflow_channels: tuple[str, ...]


@params_for("p2p_receiver_profile")
class P2PReceiverProfileParams(DetectorParams):
    window_days: int
    channels: tuple[str, ...]
    min_distinct_payers: int
    min_one_off_share: float
    min_evening_night_share: float
    evening_start_hour: int
    night_end_hour: int
    band_min: float
    band_max: float
    min_in_band_share: float
    max_round_values: int
    min_round_share: float
    round_unit: float


@params_for("payment_memo_cues")
class PaymentMemoCuesParams(DetectorParams):
    lexicon: str
    channels: tuple[str, ...]
    min_hits: int
    window_days: int
