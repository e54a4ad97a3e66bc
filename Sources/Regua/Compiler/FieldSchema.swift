/// The type of a value in a condition.
public enum ValueType: String, Sendable, Hashable {
  /// `true` or `false`.
  case boolean
  /// An amount of money in the invoice's currency.
  case money
  /// A whole number.
  case integer
  /// Text.
  case text

  /// The type named for people: "an amount", "a whole number"…
  var phrase: String {
    switch self {
    case .boolean: return "true or false"
    case .money: return "an amount"
    case .integer: return "a whole number"
    case .text: return "text"
    }
  }
}

/// A name a condition can read: the field schema of the rule language.
public enum Field: String, Sendable, Hashable, CaseIterable {
  /// What settles the invoice as of the evaluation date: principal + fees + interest − discount
  /// (money).
  case balance
  /// The invoice's original amount (money).
  case amount
  /// The part of the amount invoiced not yet paid (money).
  case principal
  /// Fees charged and not yet paid (money).
  case fees
  /// Interest accrued and not yet paid (money).
  case interest
  /// Days past the due date as of the evaluation date, 0 before it (integer).
  case daysOverdue = "days-overdue"
  /// The customer's id (text).
  case customerID = "customer.id"
  /// `person` or `company`, `""` when unknown (text).
  case customerKind = "customer.kind"
  /// The customer's segment, `""` when absent (text).
  case customerSegment = "customer.segment"
  /// The invoice's status is `disputed` (boolean).
  case disputed
  /// A promise to pay stands on the evaluation date and the invoice is not paid (boolean).
  case promised
  /// The sum of the balances of the account's open invoices (money). Account fields read the
  /// invoices in the evaluated invoice's currency; an invoice evaluated alone is an account of
  /// one.
  case accountBalance = "account.balance"
  /// The sum of the balances of the account's overdue invoices (money).
  case accountOverdueBalance = "account.overdue-balance"
  /// How many of the account's invoices are open (integer).
  case accountOpenInvoices = "account.open-invoices"
  /// How many of the account's invoices are overdue (integer).
  case accountOverdueInvoices = "account.overdue-invoices"
  /// The days overdue of the account's oldest overdue invoice, 0 when none is (integer).
  case accountOldestDaysOverdue = "account.oldest-days-overdue"

  /// The field's type.
  public var type: ValueType {
    switch self {
    case .balance, .amount, .principal, .fees, .interest, .accountBalance, .accountOverdueBalance: return .money
    case .daysOverdue, .accountOpenInvoices, .accountOverdueInvoices, .accountOldestDaysOverdue: return .integer
    case .customerID, .customerKind, .customerSegment: return .text
    case .disputed, .promised: return .boolean
    }
  }

  /// Whether the field reads the whole account rather than the evaluated invoice.
  public var isAccountField: Bool { rawValue.hasPrefix("account.") }

  /// Every name a condition can use, for suggestions.
  static var names: [String] { allCases.map(\.rawValue) + ["tagged", "true", "false"] }
}
