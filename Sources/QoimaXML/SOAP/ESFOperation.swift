/// Every IS ESF operation Qoima calls and the sandbox serves, with its service and the names of
/// its request and response wrappers (domain.md §6–§10), in one place for client and sandbox.
/// Names domain.md marks (assumed) say so here, with their U-item.
public enum ESFOperation: String, CaseIterable, Sendable {
    // AuthService
    case createAuthTicket
    // SessionService and VstoreSessionService
    case createSession, createSessionSigned, currentSessionStatus, closeSession, closeSessionByCredentials
    // SntWebService
    case uploadSnt, querySntById, querySntStatusById, querySntErrorById, querySntHistoryById, queryViewSnt
    case querySntUpdates, changeSntStatus
    // SntXsdService
    case querySntXsd
    // TaxpayerStoreWebService
    case listStores, createStores, changeStoreStatus, storesByTin
    // VstoreBalanceWebService
    case queryCurrentBalances
    // UFormWebService
    case uploadUForm, queryUFormUpdates, queryUFormById, queryUFormStatusById, queryUFormErrorById
    // DictWebService
    case queryMeasureUnitUpdates, queryGsvsUpdates

    /// The services an operation is served by. Session operations exist in both session
    /// services; that `VstoreSessionService` also takes the signed-ticket login is (assumed,
    /// domain.md U3): Qoima logs in to both the same way.
    public var services: [ESFService] {
        switch self {
        case .createAuthTicket: [.auth]
        case .createSession, .createSessionSigned, .currentSessionStatus, .closeSession, .closeSessionByCredentials:
            [.session, .vstoreSession]
        case .uploadSnt, .querySntById, .querySntStatusById, .querySntErrorById, .querySntHistoryById, .queryViewSnt,
             .querySntUpdates, .changeSntStatus: [.snt]
        case .querySntXsd: [.sntXsd]
        case .listStores, .createStores, .changeStoreStatus, .storesByTin: [.taxpayerStore]
        case .queryCurrentBalances: [.vstoreBalance]
        case .uploadUForm, .queryUFormUpdates, .queryUFormById, .queryUFormStatusById, .queryUFormErrorById: [.uForm]
        case .queryMeasureUnitUpdates, .queryGsvsUpdates: [.dictionary]
        }
    }

    /// The operation's name in the WSDL.
    public var wsdlName: String {
        switch self {
        case .querySntUpdates: "queryUpdate"
        case .changeSntStatus: "changeStatus"
        case .listStores: "list"
        case .createStores: "create"
        case .changeStoreStatus: "changeStatus"
        case .storesByTin: "getTaxpayerStoreByTin"
        case .queryCurrentBalances: "queryCurrentStatus"
        case .queryUFormUpdates: "queryUpdates"
        default: rawValue
        }
    }

    public var request: String {
        switch self {
        case .createAuthTicket: "createAuthTicketRequest"
        case .createSession: "createSessionRequest"
        case .createSessionSigned: "createSessionSignedRequest"
        case .currentSessionStatus: "currentSessionStatusRequest"
        case .closeSession: "closeSessionRequest"
        case .closeSessionByCredentials: "closeSessionByCredentialsRequest"
        case .uploadSnt: "sntUploadRequest"
        case .querySntById: "sntQueryByIdRequest"
        case .querySntStatusById: "sntQueryStatusByIdRequest"
        case .querySntErrorById: "sntQueryErrorByIdRequest"
        case .querySntHistoryById: "sntHistoryQueryByIdRequest"
        case .queryViewSnt: "sntViewRequest"
        case .querySntUpdates: "sntQueryUpdatesRequest"
        case .changeSntStatus: "sntChangeStatusRequest"
        case .querySntXsd: "SntXsdRequest"
        case .listStores: "taxpayerStoreListRequest"
        case .createStores: "taxpayerStoreCreateRequest"
        case .changeStoreStatus: "taxpayerStoreChangeStatusRequest"
        case .storesByTin: "taxpayerStoreListByTinRequest"
        case .queryCurrentBalances: "queryCurrentStatusRequest"
        case .uploadUForm: "uploadUFormRequest"
        case .queryUFormUpdates: "queryUpdatesRequest"
        case .queryUFormById: "queryUFormByIdRequest"
        case .queryUFormStatusById: "queryUFormStatusByIdRequest"
        case .queryUFormErrorById: "uFormErrorByIdRequest"
        case .queryMeasureUnitUpdates: "queryMeasureUnitUpdatesRequest"
        case .queryGsvsUpdates: "queryGsvsUpdatesRequest"
        }
    }

    public var response: String {
        switch self {
        case .createAuthTicket: "createAuthTicketResponse"
        // Both logins answer with a `createSessionResponse`; its element name for the signed
        // login is (assumed, domain.md U3).
        case .createSession, .createSessionSigned: "createSessionResponse"
        case .currentSessionStatus: "currentSessionStatusResponse"
        case .closeSession, .closeSessionByCredentials: "closeSessionResponse"
        case .uploadSnt: "sntUploadResponse"
        case .querySntById: "sntQueryByIdResponse"
        case .querySntStatusById: "sntQueryStatusByIdResponse"
        case .querySntErrorById: "sntQueryErrorByIdResponse"
        case .querySntHistoryById: "sntHistoryQueryByIdResponse"
        case .queryViewSnt: "sntViewResponse"
        case .querySntUpdates: "sntQueryUpdatesResponse"
        case .changeSntStatus: "sntChangeStatusResponse"
        case .querySntXsd: "querySntXsdResponse"
        case .listStores: "listTaxpayerStoreResponse"
        case .createStores: "taxpayerStoreCreateResponse"
        case .changeStoreStatus: "taxpayerStoreChangeStatusResponse"
        case .storesByTin: "taxpayerStoreListByTinResponse"
        case .queryCurrentBalances: "queryCurrentStatusResponse"
        case .uploadUForm: "uploadUFormResponse"
        case .queryUFormUpdates: "uFormQueryUpdatesResponse"
        case .queryUFormById: "queryUFormByIdResponse"
        case .queryUFormStatusById: "queryUFormStatusByIdResponse"
        case .queryUFormErrorById: "uFormErrorByIdResponse"
        // IS ESF's own spelling (domain.md §9.3).
        case .queryMeasureUnitUpdates: "measureUtitUpdatesResponse"
        case .queryGsvsUpdates: "gsvsUpdatesResponse"
        }
    }

    /// The namespace of the wrappers when called on `service`.
    public func namespace(on service: ESFService) -> SOAPNamespace { service.namespace }

    /// Session create and close calls carry the WS-Security `UsernameToken` (domain.md §6).
    public var needsSecurityHeader: Bool {
        switch self {
        case .createSession, .createSessionSigned, .closeSession, .closeSessionByCredentials: true
        default: false
        }
    }

    /// The operation `service` serves under the request wrapper `request`, as the sandbox routes.
    public init?(service: ESFService, request: String) {
        guard let found = Self.allCases.first(where: { $0.request == request && $0.services.contains(service) })
        else { return nil }
        self = found
    }
}

extension ESFService {
    /// The namespace of the service's wrappers (domain.md §6).
    public var namespace: SOAPNamespace {
        switch self {
        case .auth, .session, .version: .esf
        case .snt: .snt
        case .sntXsd: .sntXsd
        case .vstoreSession, .taxpayerStore, .vstoreBalance, .dictionary, .uForm, .vstoreVersion, .vstoreXsd: .vstore
        }
    }

    /// The operations served here.
    public var operations: [ESFOperation] { ESFOperation.allCases.filter { $0.services.contains(self) } }
}

/// Fixed values IS ESF's messages carry (domain.md §5–§10).
public enum ESFWireValues {
    public static let sntVersion = "SntV1"
    public static let uFormVersion = "UFormV1"
    /// `signatureType` Qoima sends; which type goes with which key is (assumed, domain.md U4).
    public static let companySignature = "COMPANY"
    public static let operatorSignature = "OPERATOR"
    /// `sourceType` of Qoima's session requests.
    public static let sourceType = "DESKTOP"
    /// The business profile of a company director's session (the suffix of observed session ids).
    public static let directorProfile = "ADMIN_ENTERPRISE"
}
