# image: workbench/toolbox
# The terminal's toolbox: bash and Debian's docker CLI (only the CLI taken out of docker.io, not the
# engine), talking to the learner's engine through the workbench's guarded socket (Toolboxes).
FROM workbench/debian:bookworm
RUN apt-get update && DEBIAN_FRONTEND=noninteractive apt-get install -y --no-install-recommends bash-completion less procps \
 && cd /tmp && apt-get download docker.io && dpkg-deb --fsys-tarfile docker.io_*.deb \
  | tar -x -C / ./usr/bin/docker ./usr/share/bash-completion/completions/docker \
 && rm -rf /tmp/*.deb /var/lib/apt/lists/* /var/cache/apt/*.bin
CMD ["sleep", "infinity"]
