import { Image } from '@tarojs/components'
import { type IconName, iconUri } from '../../assets/icons'
import './index.scss'

interface Props {
  name: IconName
  size?: 'sm' | 'md' | 'lg'
  className?: string
}

/** Decorative: the word beside it always says the same thing. */
export default function Icon({ name, size = 'md', className = '' }: Props) {
  return <Image className={`aj-icon aj-icon--${size} ${className}`} src={iconUri(name)} mode="scaleToFill" />
}
