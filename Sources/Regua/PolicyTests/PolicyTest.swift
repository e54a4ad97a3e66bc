/// A `test` block of a rule file, checked: a concrete invoice and the expectations about it.
public struct PolicyTest: Sendable, Hashable {
  /// The test's name.
  public var name: String
  /// The file it was declared in.
  public var path: String
  /// Where its header is.
  public var position: SourcePosition
  /// The cadence it names with `cadence NAME`, if any.
  public var cadenceName: String?
  /// The invoice the test declares, with its facts; its offsets are resolved through the
  /// schedule of the cadence it runs against.
  public var fixture: TestInvoice
  /// The invoice with offsets counted in plain calendar days (see ``TestInvoice/invoice()``).
  public var invoice: Invoice {
    get throws(InvalidInput) { try fixture.invoice() }
  }
  /// The customer's other invoices, when the test declares several: the test then checks the
  /// plans of the account (``Evaluator/plan(for:on:)->AccountPlan``), whose first invoice is
  /// ``fixture``.
  public var others: [TestInvoice] = []
  /// What the test expects, in order.
  public var checks: [PolicyCheck]

  /// Records a test.
  public init(
    name: String, path: String, position: SourcePosition, cadenceName: String?, fixture: TestInvoice,
    others: [TestInvoice] = [], checks: [PolicyCheck]
  ) {
    self.name = name
    self.path = path
    self.position = position
    self.cadenceName = cadenceName
    self.fixture = fixture
    self.others = others
    self.checks = checks
  }
}

/// Why a test could not be checked (its cadence is missing, an expectation names nothing).
struct PolicyTestProblem: Error {
  var message: String
  /// A suggestion (`did you mean `call`?`): a diagnostic's help, or the end of the test's line.
  var help: String? = nil

  /// The message and its suggestion on one line, as `regua test` reports them.
  var line: String { help.map { "\(message); \($0)" } ?? message }
}

/// One expectation of a test, with where it is written.
public struct PolicyCheck: Sendable, Hashable {
  /// Where the expectation is written.
  public var position: SourcePosition
  /// What is expected.
  public var expectation: PolicyExpectation
}

/// What a test expects.
public enum PolicyExpectation: Sendable, Hashable {
  /// On a day (as written, and as a date or an offset), the plan after simulating the days
  /// before.
  case on(String, DateReference, PlanExpectation)
  /// The simulated timeline from a day through a day, as timeline lines, with where each
  /// expected entry is written.
  case timeline(
    from: DateReference?, to: DateReference?, label: String, lines: [String], entryPositions: [SourcePosition])
}

/// An expectation about one day's plan.
public enum PlanExpectation: Sendable, Hashable {
  /// Something matching the words fires: an action (`call`, `email reminder`), a step id, or a
  /// `notify` channel.
  case fires([String])
  /// Nothing matching the words fires.
  case doesNotFire([String])
  /// No action at all.
  case nothing
  /// The step is skipped, for the reason when given.
  case skipped(step: String, reason: SkipReason?)
  /// The plan's `next` is this date (`nil`: none).
  case next(DateReference?)
  /// The plan's balance, or one of its components, is this amount in the invoice's currency.
  case balance(AmountComponent, ExactDecimal)
}

/// One part of what is owed, as a test expects it.
public enum AmountComponent: String, Sendable, Hashable, CaseIterable {
  /// The total owed: principal + fees + interest − discount.
  case total
  /// The principal still open.
  case principal
  /// Fees not yet paid.
  case fees
  /// Interest not yet paid.
  case interest
  /// The discount in force.
  case discount

  /// The component of an amount owed.
  public func of(_ owed: AmountsOwed) -> Money {
    switch self {
    case .total: return owed.total
    case .principal: return owed.principal
    case .fees: return owed.fees
    case .interest: return owed.interest
    case .discount: return owed.discount
    }
  }
}
