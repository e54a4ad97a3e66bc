/// The values of the fields a condition can read, as they stood at the end of one day: what a
/// skip's explanation quotes ("balance is 300.00 BRL").
public struct FieldValues: Sendable, Hashable {
  /// `balance`: the amount still owed.
  public var balance: Money
  /// `amount`: the amount invoiced.
  public var amount: Money
  /// `days-overdue`.
  public var daysOverdue: Int
  /// The customer, for `customer.id`, `customer.kind`, `customer.segment` and tags.
  public var customer: Customer
  /// The invoice's own tags.
  public var invoiceTags: [String]
  /// `disputed`.
  public var disputed: Bool
  /// `promised`.
  public var promised: Bool
  /// The account fields: `account.balance` and the others.
  public var account: AccountValues {
    get {
      AccountValues(
        balance: Money(minorUnits: accountBalanceMinorUnits, currency: balance.currency),
        overdueBalance: Money(minorUnits: accountOverdueMinorUnits, currency: balance.currency),
        openInvoices: Int(accountOpen), overdueInvoices: Int(accountOverdue), oldestDaysOverdue: Int(accountOldest))
    }
    set {
      accountBalanceMinorUnits = newValue.balance.minorUnits
      accountOverdueMinorUnits = newValue.overdueBalance.minorUnits
      accountOpen = Int32(clamping: newValue.openInvoices)
      accountOverdue = Int32(clamping: newValue.overdueInvoices)
      accountOldest = Int32(clamping: newValue.oldestDaysOverdue)
    }
  }
  /// The account fields, kept small like the components: amounts in minor units of the
  /// balance's currency, counts and days (which the dates' range bounds) in 32 bits.
  private var accountBalanceMinorUnits: Int64 = 0
  private var accountOverdueMinorUnits: Int64 = 0
  private var accountOpen: Int32 = 0
  private var accountOverdue: Int32 = 0
  private var accountOldest: Int32 = 0
  /// `principal`: the part of the amount invoiced not yet paid.
  public var principal: Money {
    get { Money(minorUnits: principalMinorUnits, currency: balance.currency) }
    set { principalMinorUnits = newValue.minorUnits }
  }
  /// `fees`: fees charged and not yet paid.
  public var fees: Money {
    get { Money(minorUnits: feesMinorUnits, currency: balance.currency) }
    set { feesMinorUnits = newValue.minorUnits }
  }
  /// `interest`: interest accrued and not yet paid.
  public var interest: Money {
    get { Money(minorUnits: interestMinorUnits, currency: balance.currency) }
    set { interestMinorUnits = newValue.minorUnits }
  }
  /// The components in minor units of the balance's currency: a skip's explanation copies
  /// these values, so they are kept small.
  private var principalMinorUnits: Int64
  private var feesMinorUnits: Int64
  private var interestMinorUnits: Int64

  /// Records the values; without charges, the principal is the balance and fees and interest
  /// are zero.
  public init(
    balance: Money, amount: Money, daysOverdue: Int, customer: Customer, invoiceTags: [String], disputed: Bool,
    promised: Bool, principal: Money? = nil, fees: Money? = nil, interest: Money? = nil,
    account: AccountValues? = nil
  ) {
    self.balance = balance
    principalMinorUnits = (principal ?? balance).minorUnits
    feesMinorUnits = fees?.minorUnits ?? 0
    interestMinorUnits = interest?.minorUnits ?? 0
    self.amount = amount
    self.daysOverdue = daysOverdue
    self.customer = customer
    self.invoiceTags = invoiceTags
    self.disputed = disputed
    self.promised = promised
    // Without account values, the invoice is an account of one, open while it owes.
    let open = balance.minorUnits > 0
    self.account =
      account
      ?? AccountValues(
        balance: open ? balance : Money(minorUnits: 0, currency: balance.currency),
        overdueBalance: open && daysOverdue > 0 ? balance : Money(minorUnits: 0, currency: balance.currency),
        openInvoices: open ? 1 : 0, overdueInvoices: open && daysOverdue > 0 ? 1 : 0,
        oldestDaysOverdue: open ? daysOverdue : 0)
  }

  init(_ invoice: borrowing Invoice, _ inputs: borrowing ConditionInputs, on day: Int) {
    let timeline = inputs.timeline
    let owed = timeline.amounts.owed(at: day)
    self.init(
      balance: owed.total, amount: invoice.amount, daysOverdue: timeline.daysOverdue(at: day),
      customer: invoice.customer, invoiceTags: invoice.tags, disputed: invoice.status == .disputed,
      promised: timeline.isPromised(at: day), principal: owed.principal, fees: owed.fees, interest: owed.interest,
      account: inputs.accountValues(at: day))
  }

  func hasTag(_ tag: String) -> Bool {
    invoiceTags.contains(tag) || customer.tags.contains(tag)
  }

  /// A field's value, as a person reads it: `250.00 BRL`, `12`, `"smb"`.
  func describe(_ field: Field) -> String {
    switch evaluate(field) {
    case .boolean(let value): return value ? "true" : "false"
    case .money(let money): return money.description
    case .integer(let value): return String(value)
    case .text(let text): return text.quotedForRules
    default: return ""
    }
  }

  func evaluate(_ field: Field) -> TracedValue {
    switch field {
    case .balance: return .money(balance)
    case .principal: return .money(principal)
    case .fees: return .money(fees)
    case .interest: return .money(interest)
    case .amount: return .money(amount)
    case .daysOverdue: return .integer(daysOverdue)
    case .customerID, .customerKind, .customerSegment: return .text(customer.text(of: field))
    case .disputed: return .boolean(disputed)
    case .promised: return .boolean(promised)
    case .accountBalance: return .money(account.balance)
    case .accountOverdueBalance: return .money(account.overdueBalance)
    case .accountOpenInvoices: return .integer(account.openInvoices)
    case .accountOverdueInvoices: return .integer(account.overdueInvoices)
    case .accountOldestDaysOverdue: return .integer(account.oldestDaysOverdue)
    }
  }
}

extension Customer {
  /// The value of a customer text field as conditions read it (`""` when absent).
  func text(of field: Field) -> String {
    switch field {
    case .customerID: return id
    case .customerKind: return kind?.rawValue ?? ""
    case .customerSegment: return segment
    default: return ""
    }
  }
}
