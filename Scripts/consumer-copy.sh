# Sourced by the scripts that try the build plugin as a user would:
# `consumer_copy WORK REPO` copies Examples/MeetingsConsumer to WORK/Consumer, without its build
# folder, its path dependency pointed at REPO (the copy lives elsewhere).
consumer_copy() {
  cp -R "$2/Examples/MeetingsConsumer" "$1/Consumer"
  rm -rf "$1/Consumer/.build"
  sed -i.bak "s|path: \"../..\"|path: \"$2\"|" "$1/Consumer/Package.swift"
}
