import BenchmarkSupport
import Regua

extension EvaluationMeasures {
  /// The accounts row: a 10-invoice account's plan (merging, limits across the account, `next`
  /// over all its invoices) against one invoice's plan. Its target: at most 12× one invoice.
  static func accountVersusInvoice(
    _ cases: [EvaluationCase], evaluator: Evaluator, policy: TimingPolicy
  ) throws -> Comparison {
    let accounts = try AccountCase.make(cases, invoicesPerAccount: 10)
    let (ours, theirs) = Stopwatch.compare(
      policy, cases: accounts,
      ours: { blackHole(try? evaluator.plan(for: $0.account, on: $0.date)) },
      theirs: { blackHole(try? evaluator.plan(for: $0.account.invoices[0], on: $0.date)) })
    return Comparison(
      key: "account_vs_invoice", ours: "Evaluator.plan(for: Account, on:), 10 invoices of one customer",
      theirs: "Evaluator.plan(for:on:) of one of its invoices", oursTiming: ours, theirsTiming: theirs)
  }
}

/// One generated account and the date it is evaluated on.
struct AccountCase {
  let account: Account
  let date: CivilDate

  /// Accounts of `invoicesPerAccount` consecutive generated invoices each (their ids made
  /// distinct, their customer the account's), each evaluated on its first invoice's date.
  static func make(_ cases: [EvaluationCase], invoicesPerAccount: Int) throws -> [AccountCase] {
    var accounts: [AccountCase] = []
    var index = 0
    while index + invoicesPerAccount <= cases.count {
      let group = cases[index..<(index + invoicesPerAccount)]
      let customer = Customer(id: "C-\(accounts.count)", kind: .company, segment: "smb")
      var invoices: [Invoice] = []
      for (offset, evaluationCase) in group.enumerated() {
        var invoice = evaluationCase.invoice
        try invoice.update {
          $0.id = "\(evaluationCase.invoice.id)-\(offset)"
          $0.customer = Customer(id: "")
        }
        invoices.append(invoice)
      }
      let account = try Account(customer: customer, invoices: invoices)
      accounts.append(AccountCase(account: account, date: group[group.startIndex].date))
      index += invoicesPerAccount
    }
    return accounts
  }
}
