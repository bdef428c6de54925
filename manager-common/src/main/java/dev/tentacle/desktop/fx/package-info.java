/**
 * Support every screen shares: where ViewModels publish changes ({@link dev.tentacle.desktop.fx.UiThread}) and how
 * they run long work off the UI thread with progress and cancel ({@link dev.tentacle.desktop.fx.BackgroundJob}).
 */
package dev.tentacle.desktop.fx;
