/** The report of the `time` keyword, in bash's default TIMEFORMAT. */
export const formatTimes = (realSeconds: number): string =>
  `\nreal\t${minutes(realSeconds)}\nuser\t${minutes(0)}\nsys\t${minutes(0)}\n`

const minutes = (seconds: number): string => {
  const m = Math.floor(seconds / 60)
  return `${m}m${(seconds - m * 60).toFixed(3)}s`
}
