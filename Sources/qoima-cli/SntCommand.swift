import ArgumentParser

/// `qoima-cli snt …`: SNT work from the command line.
struct SntCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "snt",
        abstract: "Work with SNTs (accompanying waybills on goods).",
        subcommands: [
            SntValidateCommand.self, SntNormalizeCommand.self, SntRequiredCommand.self, SntRulesCommand.self,
            SntImportCommand.self, SntListCommand.self, SntExportCommand.self, SntSendCommand.self,
            SntSyncCommand.self, SntConfirmCommand.self, SntDeclineCommand.self, SntRevokeCommand.self,
            SntOutboxCommand.self, SntViewCommand.self, SntPdfCommand.self,
        ]
    )
}
