# image: workbench/debian:bookworm
# pull: debian:bookworm-slim
# rootfs: bookworm
FROM scratch
ADD rootfs.tar /
CMD ["bash"]
