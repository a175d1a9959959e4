import ArgumentParser
import Foundation
import QoimaCore
import QoimaSigning

/// `qoima-cli keys …`: NCA keys in PKCS#12 files, signatures, and the test PKI.
struct KeysCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "keys",
        abstract: "Read NCA keys, sign and verify, and make the test PKI of demo mode and the sandbox.",
        subcommands: [KeysInfoCommand.self, KeysSignCommand.self, KeysVerifyCommand.self,
                      KeysSignXMLCommand.self, KeysVerifyXMLCommand.self, KeysMakeTestPKICommand.self]
    )
}

/// `keys info FILE.p12`: whose key it is, what for, and until when.
struct KeysInfoCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "info",
        abstract: "Show a key's owner, IIN, BIN, usage and validity.")

    @Argument(help: ArgumentHelp("The key file.", valueName: "FILE.p12"))
    var key: String

    @OptionGroup var password: KeyPasswordOption

    @Flag(help: "Print JSON instead of text.")
    var json = false

    func run() throws {
        let signer = try KeyFile.open(key, with: password)
        print(json ? CertificateReport.json(signer.certificate) : CertificateReport.text(signer.certificate))
    }
}

/// `keys sign FILE.p12 --in BODY --out SIG`: a detached signature as IS ESF takes it.
struct KeysSignCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign",
        abstract: "Sign a file's exact bytes (an SNT body, say) and write the signature in Base64, as IS ESF takes it.")

    @Argument(help: ArgumentHelp("The key file.", valueName: "FILE.p12"))
    var key: String

    @Option(name: .customLong("in"), help: ArgumentHelp("The file to sign.", valueName: "BODY"))
    var input: String

    @Option(name: .customLong("out"), help: ArgumentHelp("Where to write the signature.", valueName: "SIG"))
    var output: String

    @Flag(help: "Write a detached CMS (as NCALayer makes) instead of the bare SHA256withRSA signature.")
    var cms = false

    @OptionGroup var password: KeyPasswordOption

    func run() throws {
        let body = try KeyFile.read(input)
        let signer = try KeyFile.open(key, with: password)
        let signature = try KeyFile.reporting { cms ? try signer.signCMS(body) : try signer.signRaw(body) }
        try KeyFile.write(signature.base64 + "\n", to: output)
        print(CLIText.say(CLIText.signatureWritten, output, signer.certificate.subject.fullName))
    }
}

/// `keys verify --in BODY --signature SIG --cert CERT`.
struct KeysVerifyCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Check a detached signature over a file; exits 1 when it does not hold.")

    @Option(name: .customLong("in"), help: ArgumentHelp("The signed file.", valueName: "BODY"))
    var input: String

    @Option(help: ArgumentHelp("The signature: Base64 or DER, bare or CMS.", valueName: "SIG"))
    var signature: String

    @Option(help: ArgumentHelp("The signer's certificate (PEM, Base64 or DER); a CMS signature carries its own.",
                               valueName: "CERT"))
    var cert: String?

    @OptionGroup var trust: TrustOption

    func run() throws {
        let body = try KeyFile.read(input)
        let decoded = SignatureVerifier.decode(try KeyFile.read(signature))
        let certificate = try KeyFile.certificate(at: cert)
        try Verdict.report(trust) { try SignatureVerifier.verify(decoded, over: body, certificate: certificate) }
    }
}

/// `keys sign-xml FILE.p12 --in DOC --out SIGNED`: an enveloped XMLDSig, as on the auth ticket.
struct KeysSignXMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sign-xml",
        abstract: "Add an enveloped XMLDSig (as on the IS ESF auth ticket) to an XML document.")

    @Argument(help: ArgumentHelp("The key file.", valueName: "FILE.p12"))
    var key: String

    @Option(name: .customLong("in"), help: ArgumentHelp("The XML document.", valueName: "DOC"))
    var input: String

    @Option(name: .customLong("out"), help: ArgumentHelp("Where to write the signed document.", valueName: "SIGNED"))
    var output: String

    @OptionGroup var password: KeyPasswordOption

    func run() throws {
        let document = String(decoding: try KeyFile.read(input), as: UTF8.self)
        let signer = try KeyFile.open(key, with: password)
        let signed = try KeyFile.reporting { try signer.signXMLDocument(document) }
        try KeyFile.write(signed, to: output)
        print(CLIText.say(CLIText.signatureWritten, output, signer.certificate.subject.fullName))
    }
}

/// `keys verify-xml --in SIGNED`.
struct KeysVerifyXMLCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify-xml",
        abstract: "Check the enveloped XMLDSig of an XML document; exits 1 when it does not hold.")

    @Option(name: .customLong("in"), help: ArgumentHelp("The signed XML document.", valueName: "SIGNED"))
    var input: String

    @Option(help: ArgumentHelp("The certificate that must have signed; by default the one in KeyInfo.", valueName: "CERT"))
    var cert: String?

    @OptionGroup var trust: TrustOption

    func run() throws {
        let document = String(decoding: try KeyFile.read(input), as: UTF8.self)
        let certificate = try KeyFile.certificate(at: cert)
        try Verdict.report(trust) { try XMLSignatureVerifier.verify(document, certificate: certificate) }
    }
}

/// `keys make-test-pki DIR`.
struct KeysMakeTestPKICommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "make-test-pki",
        abstract: "Write a test root CA and, for each demo company, its director's authentication and signing keys.",
        discussion: "Every key's password is \(TestPKI.defaultPassword), like NUC's own test keys. The sandbox and demo mode trust this CA; nothing else should.")

    @Argument(help: ArgumentHelp("The directory to write into (created if missing; must be empty unless --force).",
                                 valueName: "DIR"))
    var directory: String

    @Flag(help: "Replace a test PKI already in DIR.")
    var force = false

    func run() throws {
        let contents = (try? FileManager.default.contentsOfDirectory(atPath: directory)) ?? []
        if !contents.isEmpty, !force {
            StandardError.print(CLIText.say(CLIText.directoryNotEmpty, directory))
            throw ExitCode(2)
        }
        let index = try KeyFile.reporting { try TestPKI.generate(into: directory) }
        print(CLIText.say(CLIText.testPKIWritten, directory, TestPKI.defaultPassword))
        print("  \(index.rootCertificate)")
        for company in index.companies {
            print("  \(company.bin)  \(company.name) — \(company.directorName), IIN \(company.directorIIN)")
            print("    \(company.authentication.pkcs12)  (\(KeyUsage.authentication.text.text(in: CLIText.language)))")
            print("    \(company.signing.pkcs12)  (\(KeyUsage.signing.text.text(in: CLIText.language)))")
        }
        print("  \(index.tlsServer.certificate), \(index.tlsServer.privateKey)")
        print("  \(TestPKI.indexFile)")
    }
}

/// `--ca FILE` (repeatable): check the signer's chain and validity against these CAs.
struct TrustOption: ParsableArguments {
    @Option(name: .customLong("ca"), help: ArgumentHelp(
        "A trusted CA certificate file (PEM bundle or DER); repeat for several. With it, the signer's chain and validity are checked too.",
        valueName: "CA"))
    var authorities: [String] = []

    func check(_ certificate: Certificate) throws {
        guard !authorities.isEmpty else { return }
        let anchors = try authorities.flatMap { try TrustStore(contentsOf: $0).anchors }
        try TrustStore(anchors: anchors).check(certificate)
    }
}
