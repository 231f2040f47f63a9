// SPDX-License-Identifier: GPL-3.0-or-later
import QtQuick
import QtQuick.Controls
import QtQuick.Layouts
import Undercurrent

// The window: an error banner, the current screen and the progress overlay. Which screen shows
// follows VaultSession's state; the screens only lay out and forward what the user does.
ApplicationWindow {
    id: root

    // Set by "Create a new vault" on the unlock screen (and the screenshot driver).
    property bool forceFirstRun: false
    // "Open an existing vault…" on the first-run screen: the unlock screen, with a folder to pick.
    property bool chooseExisting: false
    property bool recovering: false
    property string clientCode
    property bool editingNote: false
    // Patterns, search, settings and review with the client (review mode is
    // Workspace.clientReview's: it outranks every other screen until the passphrase ends it).
    property bool viewingPatterns: false
    property bool searching: false
    property bool inSettings: false
    onClientCodeChanged: root.viewingPatterns = false
    readonly property string moreScreen: {
        if (Workspace.clientReview.active)
            return "review";
        if (root.editingNote)
            return "";
        if (root.searching)
            return "search";
        if (root.inSettings)
            return "settings";
        return root.clientCode !== "" && root.viewingPatterns ? "patterns" : "";
    }
    readonly property string screen: {
        if (VaultSession.unlocked) {
            if (VaultSession.recoveryKey !== "")
                return "recovery-key";
            if (root.moreScreen !== "")
                return root.moreScreen;
            if (root.editingNote)
                return "note-editor";
            // The sections of the top bar: review queue, audit trail, agreement check.
            if (Navigation.area === "queue")
                return "review-queue";
            if (Navigation.area === "audit")
                return "audit";
            if (Navigation.area === "agreement")
                return "agreement";
            return root.clientCode !== "" ? "client-overview" : "clients";
        }
        if (root.forceFirstRun || (!VaultSession.vaultExists && !VaultSession.demo.active && !root.chooseExisting))
            return "first-run";
        return root.recovering ? "recover" : "unlock";
    }

    function openClient(code: string) {
        root.clientCode = code;
        Workspace.overview.open(code);
    }
    function openPatterns() {
        root.viewingPatterns = true;
        Workspace.patterns.load(root.clientCode, "month", "", "");
    }
    // From the note editor too: the note is saved and closed first (without reloading the overview).
    function openSearch() {
        if (root.editingNote) {
            root.editingNote = false;
            Workspace.note.close();
        }
        root.inSettings = false;
        root.searching = true;
    }
    function openSettings() {
        if (root.editingNote) {
            root.editingNote = false;
            Workspace.note.close();
        }
        root.searching = false;
        root.inSettings = true;
        Workspace.settings.codebook.load();
    }
    // A search result: its client's overview underneath, then the note.
    function openFound(code: string, noteId: var) {
        root.searching = false;
        root.viewingPatterns = false;
        root.openClient(code);
        Workspace.note.open(noteId);
    }

    function closeNote() {
        root.editingNote = false;
        Workspace.note.close();
        if (Navigation.area === "queue")
            Workspace.queue.reload(); // opened from the queue: an addendum answers a returned note
        else
            Workspace.overview.open(root.clientCode); // the list shows what changed
    }
    // A section of the top bar (the screenshot driver; the bar's buttons set the same).
    function showArea(area: string) {
        Navigation.area = area;
    }
    // A note of the review queue in the editor (its author adds an addendum there).
    function editQueuedNote(noteId: int) {
        Workspace.note.open(noteId);
    }
    function closeClient() {
        root.clientCode = "";
        Workspace.overview.close();
    }

    // Search and settings are outside the top bar's sections: no section shows as current there,
    // and choosing one leaves them.
    Binding {
        target: Navigation
        property: "aside"
        value: root.searching || root.inSettings
    }
    Connections {
        target: Navigation
        function onChosen() {
            root.searching = false;
            root.inSettings = false;
        }
    }

    width: 1100
    height: 720
    minimumWidth: 820
    minimumHeight: 600
    visible: true
    title: VaultSession.demo.active ? qsTr("Undercurrent — demo practice") : qsTr("Undercurrent")
    color: Style.background
    font.pixelSize: Style.bodySize
    palette.window: Style.background
    palette.windowText: Style.text
    palette.base: Style.surface
    palette.text: Style.text
    palette.button: Style.surface
    palette.buttonText: Style.text
    palette.highlight: Style.accent
    palette.highlightedText: "#ffffff"
    palette.placeholderText: "#8a94a0"
    palette.mid: Style.border

    Shortcut {
        sequence: "Ctrl+L"
        context: Qt.ApplicationShortcut
        onActivated: VaultSession.lock()
    }
    // Search notes from anywhere once unlocked (Ctrl+F filters the list on the clients screen, so
    // there Ctrl+Shift+F searches notes), settings on Ctrl+, — never in review mode.
    Shortcut {
        sequences: ["Ctrl+Shift+F"]
        context: Qt.ApplicationShortcut
        enabled: VaultSession.unlocked && !Workspace.clientReview.active
        onActivated: root.openSearch()
    }
    Shortcut {
        sequences: [StandardKey.Find]
        context: Qt.ApplicationShortcut
        enabled: VaultSession.unlocked && !Workspace.clientReview.active && root.screen !== "clients" && root.screen !== "search"
        onActivated: root.openSearch()
    }
    Shortcut {
        sequence: "Ctrl+,"
        context: Qt.ApplicationShortcut
        enabled: VaultSession.unlocked && !Workspace.clientReview.active
        onActivated: root.openSettings()
    }
    Connections {
        target: Workspace.clientReview
        function onActiveChanged() {
            root.visibility = Workspace.clientReview.active ? Window.FullScreen : Window.Windowed;
        }
    }

    Connections {
        target: Navigation
        // Another section from the note editor's top bar: the draft is saved and closed first.
        function onAreaChanged() {
            if (root.editingNote) {
                root.editingNote = false;
                Workspace.note.close();
            }
        }
    }

    Connections {
        target: Workspace.note
        function onNoteOpened() { root.editingNote = true; }
    }
    Connections {
        target: VaultSession
        function onLocked() {
            root.editingNote = false;
            root.clientCode = "";
            root.recovering = false;
            root.viewingPatterns = false;
            root.searching = false;
            root.inSettings = false;
        }
        function onCreated() { root.forceFirstRun = false; }
        function onUnlocked() {
            root.recovering = false;
            Navigation.area = VaultSession.homeArea;
        }
        // Create, unlock and recover answer on their own screen.
        function onFailed(failure) {
            if (failure.action === "create" && root.screen === "first-run")
                screenLoader.item.error = failure.message;
            else if (failure.action === "unlock" && root.screen === "unlock")
                screenLoader.item.failed(failure.message);
            else if (failure.action === "recover" && root.screen === "recover")
                screenLoader.item.error = failure.message;
        }
    }

    ColumnLayout {
        anchors.fill: parent
        spacing: 0
        // Every attached ToolTip.text shares one ToolTip whose Text is AutoText: plain, for names and notes.
        Component.onCompleted: ToolTip.toolTip.contentItem.textFormat = Text.PlainText

        ErrorBanner {
            Layout.fillWidth: true
            title: VaultSession.banner.failure.title
            message: VaultSession.banner.failure.message
            onDismissed: VaultSession.banner.dismiss()
        }
        SyncRefusedBanner {
            Layout.fillWidth: true
            sync: Workspace.sync
        }
        Loader {
            id: screenLoader
            objectName: "screenLoader"
            Layout.fillWidth: true
            Layout.fillHeight: true
            focus: true
            sourceComponent: ({
                "first-run": firstRun,
                "recovery-key": recoveryKey,
                "patterns": patternsScreen,
                "review": reviewScreen,
                "search": searchScreen,
                "settings": settingsScreen,
                "unlock": unlock,
                "recover": recover,
                "clients": clients,
                "client-overview": clientOverview,
                "note-editor": noteEditor,
                "review-queue": reviewQueue,
                "audit": audit,
                "agreement": agreement
            })[root.screen]
        }
    }

    BusyOverlay {
        anchors.fill: parent
        active: VaultSession.vaultThread.showProgress
        text: VaultSession.vaultThread.busyText
    }

    Component {
        id: patternsScreen
        PatternsScreen {
            patterns: Workspace.patterns
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            mayEditCare: VaultSession.permissions["edit-client"] === true
            onBack: root.viewingPatterns = false
            onLockRequested: VaultSession.lock()
            onQuery: (bucket, from, to, episode) => Workspace.patterns.load(root.clientCode, bucket, from, to, episode)
        }
    }
    Component {
        id: reviewScreen
        ReviewScreen {
            patterns: Workspace.patterns
            review: Workspace.clientReview
            onLeave: (passphrase) => Workspace.clientReview.leave(passphrase)
            onLockRequested: VaultSession.lock()
        }
    }
    Component {
        id: searchScreen
        SearchScreen {
            results: Workspace.searchResults
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            onBack: root.searching = false
            onLockRequested: VaultSession.lock()
            onSearch: (text) => Workspace.searchResults.search(text)
            onOpenNote: (code, noteId) => root.openFound(code, noteId)
        }
    }
    Component {
        id: settingsScreen
        SettingsScreen {
            settings: Workspace.settings
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            onBack: root.inSettings = false
            onLockRequested: VaultSession.lock()
        }
    }
    Component {
        id: firstRun
        FirstRunScreen {
            defaultFolder: VaultSession.vaultExists ? VaultSession.defaultVaultDir : VaultSession.vaultDir
            onCreate: (folder, user, passphrase, confirmation) => VaultSession.createVault(folder, user, passphrase, confirmation)
            onOpenExisting: {
                root.forceFirstRun = false;
                root.chooseExisting = true;
            }
        }
    }
    Component {
        id: recoveryKey
        RecoveryKeyScreen {
            recoveryKey: VaultSession.recoveryKey
            group: VaultSession.recoveryGroup
            onDone: VaultSession.forgetRecoveryKey()
        }
    }
    Component {
        id: unlock
        UnlockScreen {
            folder: VaultSession.vaultDir
            folderIsVault: VaultSession.vaultExists
            userName: VaultSession.userName
            retryDelay: VaultSession.retry.seconds
            working: VaultSession.vaultThread.busy
            demoPassphrase: VaultSession.demo.passphrase
            lockReason: VaultSession.autoLock.reason
            onUnlock: (user, passphrase) => VaultSession.unlock(user, passphrase)
            onForgotPassphrase: root.recovering = true
            onFolderChosen: (folder) => VaultSession.vaultDir = folder
            onCreateNew: {
                root.chooseExisting = false;
                root.forceFirstRun = true;
            }
        }
    }
    Component {
        id: recover
        RecoverScreen {
            userName: VaultSession.userName
            working: VaultSession.vaultThread.busy
            onRecover: (user, key, passphrase, confirmation) => VaultSession.recover(user, key, passphrase, confirmation)
            onBack: root.recovering = false
        }
    }
    Component {
        id: clients
        ClientsScreen {
            clients: Workspace.clients
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            mayEdit: VaultSession.permissions["create-client"] === true
            onOpenClient: (code) => root.openClient(code)
            onSearchRequested: root.openSearch()
            onSettingsRequested: root.openSettings()
            onLockRequested: VaultSession.lock()
        }
    }
    Component {
        id: clientOverview
        ClientOverviewScreen {
            overview: Workspace.overview
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            mayWrite: VaultSession.permissions["write-note"] === true
            onBack: root.closeClient()
            onLockRequested: VaultSession.lock()
            onOpenNote: (noteId) => Workspace.note.open(noteId)
            onOpenPatterns: root.openPatterns()
            onStartReview: Workspace.clientReview.start(root.clientCode)
        }
    }
    Component {
        id: noteEditor
        NoteEditorScreen {
            note: Workspace.note
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            onBack: root.closeNote()
            onLockRequested: VaultSession.lock()
        }
    }

    Component {
        id: reviewQueue
        ReviewQueueScreen {
            queue: Workspace.queue
            review: Workspace.review
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            onLockRequested: VaultSession.lock()
            onEditNote: (noteId) => root.editQueuedNote(noteId)
        }
    }
    Component {
        id: audit
        AuditScreen {
            audit: Workspace.audit
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            onLockRequested: VaultSession.lock()
        }
    }
    Component {
        id: agreement
        AgreementScreen {
            check: Workspace.agreement
            userName: VaultSession.userName
            demo: VaultSession.demo.active
            onLockRequested: VaultSession.lock()
        }
    }
}
