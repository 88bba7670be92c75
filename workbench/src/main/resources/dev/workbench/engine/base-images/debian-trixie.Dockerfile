# image: workbench/debian:trixie
# pull: debian:trixie-slim
# rootfs: trixie
FROM scratch
ADD rootfs.tar /
CMD ["bash"]
