// SPDX-License-Identifier: GPL-3.0-or-later
// Runs every tst_*.qml here against the real Undercurrent QML module. A QApplication (not the
// QGuiApplication quick_test_main would make) because Qt Charts needs one. Fixed models for the
// tests (qmlfixtures.h) are the singleton Fixtures of the module UndercurrentTest.
#include "buttonkeys.h"
#include "offlinenetwork.h"
#include "qmlfixtures.h"

#include <QApplication>
#include <QQmlEngine>
#include <QQmlExtensionPlugin>
#include <QtQuickTest>

Q_IMPORT_QML_PLUGIN(UndercurrentPlugin)

class Setup : public QObject
{
    Q_OBJECT

public Q_SLOTS:
    void qmlEngineAvailable(QQmlEngine *engine)
    {
        uc::gui::refuseNetwork(*engine);
        engine->addImportPath(QStringLiteral("qrc:/"));
    }
};

int main(int argc, char **argv)
{
    QApplication app(argc, argv);
    ButtonKeys::install(&app);
    QmlFixtures fixtures;
    qmlRegisterSingletonInstance("UndercurrentTest", 1, 0, "Fixtures", &fixtures);
    Setup setup;
    return quick_test_main_with_setup(argc, argv, "undercurrent_qml", QUICK_TEST_SOURCE_DIR, &setup);
}

#include "qmltest.moc"
