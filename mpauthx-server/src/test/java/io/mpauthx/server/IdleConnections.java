package io.mpauthx.server;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.channels.SocketChannel;
import java.util.ArrayList;
import java.util.List;

/**
 * A separate process that opens many connections to the service and leaves them idle until its standard input
 * closes. Separate, because a process may hold 20,000 descriptors here: the service's ends and these would not fit
 * in one JVM.
 */
public final class IdleConnections {

    private IdleConnections() {
    }

    /**
     * @param args host, port, number of connections
     * @throws IOException when a connection cannot be opened
     */
    public static void main(String[] args) throws IOException {
        InetSocketAddress service = new InetSocketAddress(args[0], Integer.parseInt(args[1]));
        int count = Integer.parseInt(args[2]);
        List<SocketChannel> open = new ArrayList<>(count);
        for (int i = 0; i < count; i++) {
            open.add(SocketChannel.open(service));
        }
        System.out.println("open " + open.size());
        System.out.flush();
        while (System.in.read() >= 0) {
            // held until the test closes our input
        }
        for (SocketChannel channel : open) {
            channel.close();
        }
    }
}
