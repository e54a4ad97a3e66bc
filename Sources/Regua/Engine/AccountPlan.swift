/// What to do for one customer's account on one date: each invoice decided by the core rules,
/// then, by default, the contacts that fire on one channel merged into one action, and the
/// limits applied across the account.
///
/// Its arrays keep the order a plan pins — scheduled date, then declaration order, then invoice
/// id — whatever the order of the invoices given; ``workOrder`` lists the actions most valuable
/// first.
public struct AccountPlan: Sendable, Hashable {
  /// The cadence's name.
  public var cadence: String
  /// The cadence's version, if declared.
  public var version: Int?
  /// The customer's id.
  public var customer: String
  /// The evaluation date.
  public var date: CivilDate
  /// The actions to execute today. A merged contact's id is `<customer>/<channel>/<date>` and it
  /// lists the ``PlannedAction/invoices`` and ``PlannedAction/covers`` it stands for; every
  /// other action keeps `<invoice>/<step>` and names its ``PlannedAction/invoice``.
  public var actions: [PlannedAction]
  /// The steps due by today that do not fire, each naming its ``SkippedStep/invoice``.
  public var skipped: [SkippedStep]
  /// The earliest later date on which an evaluation of the account yields an action, assuming
  /// today's actions are executed (recorded in the histories they cover) and nothing else
  /// changes; `nil` when there is none.
  public var next: CivilDate?
  /// What each invoice owes at the end of the date, by invoice id (as an invoice's plan's
  /// ``ActionPlan/balance``).
  public var balances: [String: AmountsOwed]

  /// Creates an account plan.
  public init(
    cadence: String, version: Int?, customer: String, date: CivilDate, actions: [PlannedAction],
    skipped: [SkippedStep], next: CivilDate?, balances: [String: AmountsOwed]
  ) {
    self.cadence = cadence
    self.version = version
    self.customer = customer
    self.date = date
    self.actions = actions
    self.skipped = skipped
    self.next = next
    self.balances = balances
  }

  /// What the account owes, component by component: the invoices' balances added, when they
  /// are all in one currency; `nil` when they are in several (or there are none).
  public var balance: AmountsOwed? {
    var total: AmountsOwed?
    for id in balances.keys.sorted() {
      guard let owed = balances[id] else { continue }
      guard let sum = total else {
        total = owed
        continue
      }
      guard let added = sum.adding(owed) else { return nil }
      total = added
    }
    return total
  }

  /// The actions, most valuable first: by ``PlannedAction/priority`` (highest first), then in
  /// the plan's order. A team that works the day's list from the top works the most money the
  /// longest overdue first.
  public var workOrder: [PlannedAction] { AccountPlan.workOrder(of: CollectionOfOne(self)).map(\.action) }

  /// The day's work of many accounts (a portfolio's plans), most valuable first: every action
  /// of `plans` with its plan's customer id — an action such as `INV-1/d+5-suspend` names only
  /// its invoice, and two customers may both have an `INV-1` — by ``PlannedAction/priority``
  /// (highest first), then in the order of the plans and of their actions.
  public static func workOrder(
    of plans: some Sequence<AccountPlan>
  ) -> [(customer: String, action: PlannedAction)] {
    var ranked: [(priority: Int, position: Int, customer: String, action: PlannedAction)] = []
    for plan in plans {
      for action in plan.actions { ranked.append((action.priority ?? 0, ranked.count, plan.customer, action)) }
    }
    ranked.sort { $0.priority != $1.priority ? $0.priority > $1.priority : $0.position < $1.position }
    return ranked.map { ($0.customer, $0.action) }
  }
}

extension AccountPlan: CustomStringConvertible {
  /// The plan in a line: `C-42 on 2026-03-24: 1 action, 2 skipped, next 2026-04-09`.
  public var description: String {
    "customer \(SafeText.escaped(customer)) on \(date): \(Plural.count(actions.count, "action")), "
      + "\(skipped.count) skipped, next \(next?.description ?? "none")"
  }
}

extension AmountsOwed {
  /// The sum of two amounts in one currency, component by component; `nil` when the currencies
  /// differ or a component overflows.
  func adding(_ other: AmountsOwed) -> AmountsOwed? {
    guard currency == other.currency else { return nil }
    func sum(_ a: Money, _ b: Money) -> Int64? {
      let (value, overflow) = a.minorUnits.addingReportingOverflow(b.minorUnits)
      return overflow ? nil : value
    }
    guard let principal = sum(self.principal, other.principal), let fees = sum(self.fees, other.fees),
      let interest = sum(self.interest, other.interest), let discount = sum(self.discount, other.discount)
    else { return nil }
    return AmountsOwed(currency: currency, principal: principal, fees: fees, interest: interest, discount: discount)
  }
}
