package dev.tentacle.comms.internal.connection;

import dev.tentacle.comms.CommsException;
import dev.tentacle.comms.ErrorCode;
import io.netty.buffer.ByteBuf;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import java.nio.charset.StandardCharsets;

/**
 * Client side, before TLS: if the first bytes that come back are an HTTP response instead of a TLS handshake, a
 * proxy, firewall or captive portal answered in the peer's place. Say so, quoting its status line, instead of the
 * TLS engine's "not an SSL/TLS record". Removes itself after the first read.
 */
final class HttpAnswerSniffer extends ChannelInboundHandlerAdapter {
    private static final byte[] HTTP = "HTTP/".getBytes(StandardCharsets.US_ASCII);
    private final String target;

    HttpAnswerSniffer(String target) {
        this.target = target;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof ByteBuf buf && startsWithHttp(buf)) {
            String statusLine = firstLine(buf);
            buf.release();
            ctx.fireExceptionCaught(new CommsException(ErrorCode.PROXY_OR_FIREWALL_IN_PATH, "Unknown identity '" + statusLine
                    + "': something in the network path answered " + target + " with an HTTP page instead of a TLS handshake. "
                    + "A proxy, firewall or captive portal is in the way; allow the connection through it, or configure it as "
                    + "an HTTP CONNECT proxy for this side."));
            ctx.close();
            return;
        }
        ctx.pipeline().remove(this);
        ctx.fireChannelRead(msg);
    }

    private static boolean startsWithHttp(ByteBuf buf) {
        if (buf.readableBytes() < HTTP.length) {
            return false;
        }
        for (int i = 0; i < HTTP.length; i++) {
            if (buf.getByte(buf.readerIndex() + i) != HTTP[i]) {
                return false;
            }
        }
        return true;
    }

    private static String firstLine(ByteBuf buf) {
        int length = Math.min(buf.readableBytes(), 80);
        String text = buf.toString(buf.readerIndex(), length, StandardCharsets.US_ASCII);
        int end = text.indexOf('\r');
        if (end < 0) {
            end = text.indexOf('\n');
        }
        return (end < 0 ? text : text.substring(0, end)).replaceAll("[^\\x20-\\x7E]", "?");
    }
}
