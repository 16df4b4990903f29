import QtQuick
import QtQuick.Controls.Basic

// "‹ Library" and the like, top left of a page.
AppButton {
    kind: "quiet"
    leftPadding: Theme.space3
    rightPadding: Theme.space4
}
