#pragma once

#include <QApplication>
#include <QMouseEvent>
#include <QWidget>

namespace vigil::test {

// A left-button drag on `w` from `from` to `to` (widget coordinates) with `mods` held, through the
// widget's own event handlers: press, a move half-way, a move to the end, release.
inline void mouseDrag(QWidget* w, QPointF from, QPointF to, Qt::KeyboardModifiers mods)
{
    QMouseEvent press(QEvent::MouseButtonPress, from, w->mapToGlobal(from), Qt::LeftButton, Qt::LeftButton, mods);
    QApplication::sendEvent(w, &press);
    const QPointF mid = (from + to) / 2;
    QMouseEvent move1(QEvent::MouseMove, mid, w->mapToGlobal(mid), Qt::NoButton, Qt::LeftButton, mods);
    QApplication::sendEvent(w, &move1);
    QMouseEvent move2(QEvent::MouseMove, to, w->mapToGlobal(to), Qt::NoButton, Qt::LeftButton, mods);
    QApplication::sendEvent(w, &move2);
    QMouseEvent release(QEvent::MouseButtonRelease, to, w->mapToGlobal(to), Qt::LeftButton, Qt::NoButton, mods);
    QApplication::sendEvent(w, &release);
}

} // namespace vigil::test
