import QtQuick
import QtQuick.Controls.Basic
import QtQuick.Layouts

// The habit: streaks, a 12-week calendar, minutes per week by group, routines, sessions.
Rectangle {
    id: page

    readonly property real cell: Theme.basePoint * 2.2

    objectName: "historyPage"
    color: Theme.background

    function focusFirst() { backButton.forceActiveFocus() }
    function shade(level) {
        if (level === 0)
            return Theme.surfaceMuted
        return Qt.rgba(Theme.accent.r, Theme.accent.g, Theme.accent.b, 0.2 + 0.2 * level)
    }

    Component.onCompleted: habit.refresh()

    Flickable {
        id: flick
        anchors.fill: parent
        contentWidth: width
        contentHeight: content.implicitHeight + Theme.space8 * 2
        boundsBehavior: Flickable.StopAtBounds
        clip: true
        ScrollBar.vertical: ScrollBar { policy: ScrollBar.AsNeeded }

        ColumnLayout {
            id: content
            width: Math.min(flick.width - Theme.space6 * 2, Theme.contentWidth * 0.9)
            x: (flick.width - width) / 2
            y: Theme.space4
            spacing: Theme.space4

            BackButton {
                id: backButton
                objectName: "historyBack"
                text: words.historyPage.back
                Accessible.name: words.historyPage.back2
                Layout.leftMargin: -Theme.space3
                onClicked: app.goBack()
            }
            Text {
                text: words.historyPage.yourHistory
                color: Theme.text
                font.pointSize: Theme.textHeadline
                font.weight: Font.Bold
                Accessible.role: Accessible.Heading
                Accessible.name: text
            }
            Text {
                objectName: "historyEmpty"
                visible: habit.empty
                Layout.fillWidth: true
                text: words.historyPage.noSessionsYetFinish
                color: Theme.textMuted
                font.pointSize: Theme.textLarge
                wrapMode: Text.WordWrap
            }

            // Streaks
            RowLayout {
                Layout.fillWidth: true
                spacing: Theme.space3
                visible: !habit.empty
                Repeater {
                    model: habit.streaks
                    delegate: Rectangle {
                        required property var modelData
                        objectName: modelData.name
                        Layout.fillWidth: true
                        implicitHeight: streakColumn.implicitHeight + Theme.space3 * 2
                        radius: Theme.radius
                        color: Theme.surface
                        border.color: Theme.border
                        Accessible.role: Accessible.StaticText
                        Accessible.name: modelData.accessibleName
                        ColumnLayout {
                            id: streakColumn
                            anchors.fill: parent
                            anchors.margins: Theme.space3
                            spacing: 0
                            Text {
                                text: modelData.value
                                color: Theme.text
                                font.pointSize: Theme.textTitle
                                font.weight: Font.Bold
                            }
                            Text {
                                text: modelData.label
                                color: Theme.textMuted
                                font.pointSize: Theme.textBody
                            }
                        }
                    }
                }
            }
            Text {
                visible: !habit.empty
                Layout.fillWidth: true
                text: habit.totalsText
                color: Theme.textMuted
                font.pointSize: Theme.textSmall
                wrapMode: Text.WordWrap
            }

            // Calendar: one column per week, Monday at the top.
            SettingsSection {
                title: words.historyPage.theLast12Weeks
                visible: !habit.empty
                Grid {
                    objectName: "calendar"
                    rows: 7
                    flow: Grid.TopToBottom
                    spacing: Theme.unit
                    Repeater {
                        model: habit.calendar
                        delegate: Rectangle {
                            required property var modelData
                            objectName: "day_" + modelData.date
                            width: page.cell
                            height: page.cell
                            radius: Theme.radiusSmall / 2
                            color: modelData.future ? "transparent" : page.shade(modelData.level)
                            border.color: modelData.future ? Theme.border : "transparent"
                            Accessible.role: Accessible.StaticText
                            Accessible.name: modelData.label
                        }
                    }
                }
                RowLayout {
                    spacing: Theme.unit
                    Text {
                        text: words.historyPage.less
                        color: Theme.textMuted
                        font.pointSize: Theme.textSmall
                    }
                    Repeater {
                        model: 5
                        delegate: Rectangle {
                            required property int index
                            width: page.cell * 0.7
                            height: width
                            radius: Theme.radiusSmall / 2
                            color: page.shade(index)
                        }
                    }
                    Text {
                        text: words.historyPage.moreMinutes
                        color: Theme.textMuted
                        font.pointSize: Theme.textSmall
                    }
                }
            }

            // Minutes per week, stacked by group.
            SettingsSection {
                title: words.historyPage.minutesPerWeek
                visible: !habit.empty
                Canvas {
                    id: chart
                    objectName: "weekChart"
                    Layout.fillWidth: true
                    Layout.preferredHeight: Theme.basePoint * 16
                    Accessible.role: Accessible.Chart
                    Accessible.name: habit.weeks.map(w => w.description).join(". ")
                    property var weeks: habit.weeks
                    property bool dark: Theme.dark
                    onWeeksChanged: requestPaint()
                    onDarkChanged: requestPaint()
                    onWidthChanged: requestPaint()
                    onPaint: {
                        const ctx = getContext("2d")
                        ctx.reset()
                        const labelSpace = Theme.basePoint * 2.4
                        const top = Theme.basePoint * 1.6
                        const plot = height - labelSpace - top
                        const count = Math.max(1, weeks.length)
                        const slot = width / count
                        const bar = slot * 0.6
                        ctx.font = Math.round(Theme.basePoint * 1.2) + "px sans-serif"
                        ctx.textAlign = "center"
                        ctx.strokeStyle = Theme.border
                        ctx.lineWidth = 1
                        ctx.beginPath()
                        ctx.moveTo(0, top + plot + 0.5)
                        ctx.lineTo(width, top + plot + 0.5)
                        ctx.stroke()
                        for (let i = 0; i < weeks.length; ++i) {
                            const x = i * slot + (slot - bar) / 2
                            let y = top + plot
                            for (const part of weeks[i].parts) {
                                const h = part.share * plot
                                if (h <= 0)
                                    continue
                                ctx.fillStyle = Theme.palette[part.role]
                                ctx.fillRect(x, y - h, bar, h)
                                y -= h
                            }
                            ctx.fillStyle = Theme.textMuted
                            if (weeks[i].total > 0)
                                ctx.fillText(weeks[i].total, x + bar / 2, y - 4)
                            if (i % 2 === weeks.length % 2 || i === weeks.length - 1)
                                ctx.fillText(weeks[i].label, x + bar / 2, height - 6)
                        }
                    }
                }
                RowLayout {
                    spacing: Theme.space3
                    Repeater {
                        model: habit.groups
                        delegate: RowLayout {
                            required property var modelData
                            spacing: Theme.unit
                            Rectangle {
                                width: page.cell * 0.6
                                height: width
                                radius: 2
                                color: Theme.palette[modelData.role]
                            }
                            Text {
                                text: modelData.label
                                color: Theme.text
                                font.pointSize: Theme.textSmall
                            }
                        }
                    }
                }
            }

            SettingsSection {
                title: words.historyPage.routines
                visible: !habit.empty
                Repeater {
                    model: habit.routines
                    delegate: RowLayout {
                        required property var modelData
                        objectName: "routineRow_" + modelData.id
                        Layout.fillWidth: true
                        spacing: Theme.space3
                        Text {
                            Layout.fillWidth: true
                            text: modelData.title
                            color: Theme.text
                            font.pointSize: Theme.textBody
                            elide: Text.ElideRight
                        }
                        Text {
                            text: modelData.record
                            color: Theme.textMuted
                            font.pointSize: Theme.textBody
                        }
                    }
                }
            }

            SettingsSection {
                title: words.historyPage.sessions
                visible: !habit.empty
                Repeater {
                    model: habit.sessions
                    delegate: RowLayout {
                        required property var modelData
                        required property int index
                        objectName: "sessionRow_" + index
                        Layout.fillWidth: true
                        spacing: Theme.space3
                        Text {
                            Layout.preferredWidth: Theme.basePoint * 14
                            text: modelData.when
                            color: Theme.textMuted
                            font.pointSize: Theme.textBody
                        }
                        Text {
                            Layout.fillWidth: true
                            text: modelData.title
                            color: Theme.text
                            font.pointSize: Theme.textBody
                            elide: Text.ElideRight
                        }
                        Chip {
                            text: modelData.outcome
                        }
                        Text {
                            Layout.preferredWidth: Theme.basePoint * 8
                            horizontalAlignment: Text.AlignRight
                            text: modelData.played
                            color: Theme.text
                            font.pointSize: Theme.textBody
                        }
                    }
                }
            }
        }
    }
}
