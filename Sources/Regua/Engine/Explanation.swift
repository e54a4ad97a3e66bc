/// Why an invoice's plan on a date is what it is: every step of the cadence with what decided
/// it and the values its conditions saw, the stop and pause rules, the promise to pay, and each
/// contact limit's window — what `regua explain` prints.
///
/// Computed only when asked, by ``Evaluator/explain(_:on:held:)``; an evaluation never builds one.
public struct Explanation: Sendable, Hashable {
  /// The plan the explanation explains.
  public var plan: ActionPlan
  /// The values conditions read on the date.
  public var values: FieldValues
  /// The invoice's dates: issued (before it nothing is due), due, and the effective due date.
  public var schedule: Schedule
  /// Why the stated due date is not a business day, when the effective due date is a later
  /// day; `nil` when they are one day.
  public var dueClosed: NonBusinessDay?
  /// Why collection is stopped on the date, or `nil`.
  public var stop: StopCause?
  /// Every `stop when` rule, in declaration order, traced on the date.
  public var stopRules: [ConditionTrace]
  /// Every `pause when` rule, in declaration order, traced on the date.
  public var pauseRules: [ConditionTrace]
  /// The invoice's promise to pay, if any.
  public var promise: PromiseToPay?
  /// Every contact limit, in declaration order, with its window on the date.
  public var limits: [LimitWindow]
  /// Every step, in declaration order (a step that comes due several times once per
  /// occurrence, in schedule order).
  public var steps: [StepExplanation]
  /// The actions `next` brings, assuming today's actions are executed; empty when there is no
  /// `next`.
  public var nextActions: [PlannedAction]
  /// How the plan's balance follows from the invoice's payments and the charges that count:
  /// every fee, stretch of interest, payment and discount; `nil` for a cadence without charge
  /// steps, where the balance is the amount less the payments.
  public var amounts: AmountsDerivation?
  /// The charge caps the cadence declares (`cap fee 2%`): every charge step is within them,
  /// checked when the rules compile.
  public var caps: [ChargeCap]
  /// The cadence's `after conversation wait` lines, each with the conversation that holds
  /// contacts on the date, if one does.
  public var waits: [ConversationWaitState] = []
  /// The history's entries the engine passes over without a word: unknown step ids, entries
  /// dated after the date (``Evaluator/checkHistory(of:on:)``).
  public var historyProblems: [HistoryProblem] = []

  /// Creates an explanation.
  public init(
    plan: ActionPlan, values: FieldValues, schedule: Schedule, stop: StopCause?, stopRules: [ConditionTrace],
    pauseRules: [ConditionTrace], promise: PromiseToPay?, limits: [LimitWindow], steps: [StepExplanation],
    nextActions: [PlannedAction], dueClosed: NonBusinessDay? = nil, amounts: AmountsDerivation? = nil,
    caps: [ChargeCap] = []
  ) {
    self.amounts = amounts
    self.caps = caps
    self.plan = plan
    self.values = values
    self.schedule = schedule
    self.dueClosed = dueClosed
    self.stop = stop
    self.stopRules = stopRules
    self.pauseRules = pauseRules
    self.promise = promise
    self.limits = limits
    self.steps = steps
    self.nextActions = nextActions
  }

  /// The first `pause when` rule that holds on the date (its index), when collection is not
  /// stopped: the pause that holds every due step.
  public var pause: Int? {
    guard stop == nil else { return nil }
    return pauseRules.firstIndex { $0.value == true }
  }

  /// The steps skipped today that were not skipped yesterday, or were for another reason: the
  /// news of the day.
  public var newSkips: [StepExplanation] { steps.filter(\.isNewSkip) }
}

/// One step of a cadence on the date explained: its outcome and the conditions it was judged by.
public struct StepExplanation: Sendable, Hashable {
  /// The step.
  public var step: Step
  /// The occurrence's id (the step id, plus a key for steps that come due several times).
  public var id: String
  /// The date it is scheduled for; `nil` when it has no date for this invoice (a promise step
  /// without a broken promise, a date out of range).
  public var scheduled: CivilDate?
  /// How ``scheduled`` follows from the step's offset: what it counts from, the day it names,
  /// and why that day is closed when it is; `nil` when the step has no date.
  public var date: StepDate?
  /// What happens to it on the date.
  public var outcome: StepStatus
  /// Its `when`, traced: on the date when the engine judged it by its conditions (it fires, or
  /// was skipped for its conditions or a later reason), or on today's values for a future step
  /// (a preview: it is judged again on its day); `nil` when the step has none or the engine did
  /// not look at it (it is done, missed, stopped or paused).
  public var when: ConditionTrace?
  /// Its `unless`, traced the same way; also `nil` when a false `when` already decided.
  public var unless: ConditionTrace?
  /// For a skipped step: whether the skip is news today — it was not skipped yesterday, or for
  /// another reason (steps scheduled today always are).
  public var isNewSkip: Bool
  /// For a missed step: what held it on each day it could still have gone out (from its
  /// scheduled date through the end of its catch-up), in runs of days with the same cause;
  /// empty when those days all fell before the issue date (nothing could hold it then).
  ///
  /// `nil` when it was not computed: for a step that is not missed, and for a missed step the
  /// explanation was not asked about (``HeldDaysScope``) — which says nothing of its days.
  public var held: [HeldDays]?
  /// For a missed step: the runs of days after the first ``heldRunsListed``, which ``held``
  /// does not list (a pause that comes and goes can hold a step on alternate days of a long
  /// catch-up: listed whole, an explanation would grow with steps × days). 0 when every run is
  /// listed.
  public var heldRunsOmitted = 0
  /// The most runs of days ``held`` lists for one step.
  public static let heldRunsListed = 12

  /// Creates a step explanation.
  public init(
    step: Step, id: String, scheduled: CivilDate?, outcome: StepStatus, when: ConditionTrace? = nil,
    unless: ConditionTrace? = nil, isNewSkip: Bool = false, held: [HeldDays]? = nil, date: StepDate? = nil
  ) {
    self.step = step
    self.id = id
    self.scheduled = scheduled
    self.date = date
    self.outcome = outcome
    self.when = when
    self.unless = unless
    self.isNewSkip = isNewSkip
    self.held = held
  }
}

/// What happens to one step on the date.
public enum StepStatus: Sendable, Hashable {
  /// It fires today.
  case fires(PlannedAction)
  /// It is due and does not fire, for the first reason that applies.
  case skipped(SkippedStep)
  /// It is in the history, executed on this date.
  case done(CivilDate)
  /// It is scheduled after the date.
  case upcoming
  /// The invoice is not issued yet on the date: nothing is due.
  case notIssued
  /// It has no date for this invoice.
  case unscheduled
}

/// Which missed steps an explanation says what held them (``StepExplanation/held``): the work
/// grows with the catch-up's length, so a reader that shows only today's news asks only for
/// those.
public enum HeldDaysScope: Sendable, Hashable, CaseIterable {
  /// Every missed step.
  case all
  /// The missed steps whose skip is new today.
  case newSkips
}

/// A run of days on which a missed step could still have gone out, and what held it then.
public struct HeldDays: Sendable, Hashable {
  /// The first day of the run.
  public var from: CivilDate
  /// The last day of the run.
  public var through: CivilDate
  /// What held it back those days — one reason for the whole run, told as the run's first
  /// day's plan listed it (a condition's values are that day's); `nil` when nothing did: it was
  /// planned then, but never recorded in the history.
  public var hold: SkippedStep?

  /// Creates a run.
  public init(from: CivilDate, through: CivilDate, hold: SkippedStep?) {
    self.from = from
    self.through = through
    self.hold = hold
  }
}

/// A contact limit's window on the date: how full it is and when it has room again.
public struct LimitWindow: Sendable, Hashable {
  /// The limit.
  public var limit: ContactLimit
  /// The first day of the window (the window ends on the date).
  public var from: CivilDate
  /// The contacts it counts in the window: the history's and today's actions.
  public var used: Int
  /// When the limit is full: the first later day it has room for one more contact; `nil` when
  /// it has room today, or never will (within the representable dates).
  public var frees: CivilDate?

  /// Creates a window.
  public init(limit: ContactLimit, from: CivilDate, used: Int, frees: CivilDate?) {
    self.limit = limit
    self.from = from
    self.used = used
    self.frees = frees
  }

  /// Whether another contact would exceed the limit today.
  public var isFull: Bool { used >= limit.count }
}

extension StepStatus: CustomStringConvertible {
  /// A few words: `fires today`, `fires today, 1 day late`, `skipped (limited)`, `done 2026-03-11`, `upcoming`,
  /// `not issued`, `no date`.
  public var description: String {
    switch self {
    case .fires(let action):
      return action.late == 0 ? "fires today" : "fires today, \(Plural.count(action.late, "day")) late"
    case .skipped(let skip): return "skipped (\(skip.reason.rawValue))"
    case .done(let date): return "done \(date)"
    case .upcoming: return "upcoming"
    case .notIssued: return "not issued"
    case .unscheduled: return "no date"
    }
  }
}

extension StepExplanation: CustomStringConvertible {
  /// The occurrence and its outcome: `d+14-call: skipped (limited)`, `d0-sms: done 2026-03-10`.
  public var description: String { "\(id): \(outcome)" }
}

extension HeldDays: CustomStringConvertible {
  /// The run and what held it: `2026-03-11 to 2026-03-13: limited`, `2026-03-14: nothing held
  /// it`.
  public var description: String {
    let days = from == through ? "\(from)" : "\(from) to \(through)"
    return days + ": " + (hold.map(\.reason.rawValue) ?? "nothing held it")
  }
}

extension LimitWindow: CustomStringConvertible {
  /// How full the window is, as a report reads it: `1 of 1 call contact since 2026-03-18
  /// (limit call 1 per 7 days); full, room again on 2026-03-31`, `0 of 2 contacts since
  /// 2026-03-22 (limit any 2 per 3 days)`. The window ends on the explanation's date.
  public var description: String {
    let noun = limit.count == 1 ? "contact" : "contacts"
    var text = "\(used) of \(limit.count) \(limit.channel.map { "\($0) " } ?? "")\(noun) since \(from) (\(limit))"
    if isFull { text += frees.map { "; full, room again on \($0)" } ?? "; full" }
    return text
  }
}
