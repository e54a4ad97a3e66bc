/// Why an account's plan on a date is what it is — what `regua explain` prints for an account
/// document: the account's plan, the limits and conversation waits counted across the account,
/// and each invoice explained as the account sees it.
///
/// Computed only when asked, by ``Evaluator/explain(_:on:)``.
public struct AccountExplanation: Sendable, Hashable {
  /// The account's plan.
  public var plan: AccountPlan
  /// Each invoice, in the account's order (by id), explained as part of the account: its
  /// conditions read the account fields, and each step's outcome is the account's — a contact
  /// merged into one action per channel and day fires as that action (its
  /// ``PlannedAction/covers`` name the others), a contact the account's limits hold is
  /// `limited`. Its ``Explanation/plan`` is its share of the account's plan (the actions that
  /// cover it, its skips, the account's `next`); its limits, waits and next actions are the
  /// account's, listed here once. What held a missed step on each of its days is not computed
  /// for an account (``StepExplanation/held`` is `nil`).
  public var invoices: [Explanation]
  /// Every contact limit, in declaration order, with its window on the date, counted across the
  /// account (today's actions included).
  public var limits: [LimitWindow]
  /// The cadence's `after conversation wait` lines, each with the latest conversation recorded
  /// about any of the account's invoices, if it holds contacts on the date.
  public var waits: [ConversationWaitState]
  /// The actions `next` brings, assuming today's actions are executed; empty when there is no
  /// `next`.
  public var nextActions: [PlannedAction]
  /// For each merged contact of the plan (by its id), the invoice and step it was chosen from —
  /// the latest scheduled of the steps it covers (ties: declared last, then the greater invoice
  /// id): its step, arguments, `scheduled` and `late` are that step's.
  public var chosen: [String: CoveredStep]

  /// Creates an account explanation.
  public init(
    plan: AccountPlan, invoices: [Explanation], limits: [LimitWindow], waits: [ConversationWaitState],
    nextActions: [PlannedAction], chosen: [String: CoveredStep] = [:]
  ) {
    self.chosen = chosen
    self.plan = plan
    self.invoices = invoices
    self.limits = limits
    self.waits = waits
    self.nextActions = nextActions
  }
}
