/// The tool's overview help.
enum Help {
  static let overview = """
    regua — rule-driven dunning: check, preview and plan collection cadences

    USAGE: regua <command> [options]

    COMMANDS:
      check PATH...                             check rule files (or directories of them)
      plan FILE --invoice PATH --on DATE        the action plan for one invoice on a date
      plan FILE --invoices PATH --on DATE       the plans of a portfolio (JSON Lines), in order
      simulate FILE --invoice PATH              the timeline of a cadence for one invoice
      test PATH...                              run the `test` blocks of rule files

    OPTIONS:
      --help                                    show help (also after a command)
      --version                                 show the version

    Exit codes: 0 success, 1 a problem in the rules or the input, 2 a usage error.
    """
}
